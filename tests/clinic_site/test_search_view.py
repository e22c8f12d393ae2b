"""/search/: results, no results, pages of results, never indexed (yet described for shared
links), the box on every page."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.translation import override

from articles.models import Article
from articles.search import RESULTS_PER_PAGE, refresh_documents
from clinic_site.models import ClinicProfile
from tests.factories import make_condition, make_guide

pytestmark = pytest.mark.django_db


def test_every_page_has_a_search_box_that_needs_no_javascript(client, demo):
    for url in ["/", "/conditions/", "/contact/", "/conditions/leg-spasms-and-cramping/"]:
        html = client.get(url).content.decode()
        form = re.search(r'<form[^>]*action="/search/"[^>]*method="get".*?</form>', html, re.S)
        assert form, url
        assert re.search(
            r'<label[^>]*for="site-search-q"', form.group(0)
        )  # a label, for screen readers
        assert 'id="site-search-q"' in form.group(0) and 'name="q"' in form.group(0)


def test_results_show_title_kind_and_marked_snippet(client, demo):
    response = client.get("/search/", {"q": "charley horse"})
    html = response.content.decode()
    assert response.status_code == 200
    results = html[html.index('<ol class="search-results"') :]
    first_link = re.search(r'<h2><a href="([^"]+)">([^<]+)</a></h2>', results)
    assert first_link.groups() == (
        "/conditions/leg-spasms-and-cramping/",
        "Leg Spasms and Cramping",
    )
    assert '<p class="eyebrow">Condition guide</p>' in results
    assert "<mark>Charley</mark> <mark>horse</mark>" in results


def test_results_pages_are_never_indexed(client, demo):
    for query in ["scoliosis", "qwertyuiop", ""]:
        response = client.get("/search/", {"q": query})
        assert response["X-Robots-Tag"] == "noindex"
        assert '<meta name="robots" content="noindex">' in response.content.decode()


def test_no_results_offer_the_a_to_z_and_the_clinics_phone(client, demo):
    html = client.get("/search/", {"q": "qwertyuiop"}).content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    assert "No page matches those words." in main
    assert 'href="/conditions/"' in main
    assert 'href="tel:+19158500900"' in main


def test_what_was_typed_is_shown_escaped(client, demo):
    html = client.get("/search/", {"q": '<script>"x"'}).content.decode()
    assert "<script>" not in html
    assert "&lt;script&gt;&quot;x&quot;" in html


def guides_named(word, how_many):
    guides = [make_guide(make_condition(f"Sample {word} {number}")) for number in range(how_many)]
    refresh_documents([guide.pk for guide in guides])
    return guides


def test_results_come_in_pages(client):
    guides_named("ocelot", RESULTS_PER_PAGE + 2)
    first = client.get("/search/", {"q": "ocelot"}).content.decode()
    second = client.get("/search/", {"q": "ocelot", "page": "2"}).content.decode()
    assert first.count("Condition guide") == RESULTS_PER_PAGE
    assert second.count("Condition guide") == 2
    assert 'href="?q=ocelot&amp;page=2"' in first
    assert "Page 2 of 2" in second  # the pages of results say where you are
    # A page number that is not one shows the nearest page rather than an error.
    assert client.get("/search/", {"q": "ocelot", "page": "x"}).status_code == 200
    assert client.get("/search/", {"q": "ocelot", "page": "99"}).status_code == 200


def queries_for(client, query, url="/search/"):
    client.get(url, {"q": query})  # any stale document is written first
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, {"q": query}).status_code == 200
    return len(queries)


def test_the_number_of_queries_does_not_grow_with_the_results(client):
    guides_named("margay", 2)
    guides_named("serval", RESULTS_PER_PAGE + 5)
    assert queries_for(client, "margay") == queries_for(client, "serval")


def test_the_a_to_z_lists_other_names_pointing_at_their_guide(client, demo):
    html = client.get("/conditions/").content.decode()
    assert re.search(
        r'<a href="/conditions/leg-spasms-and-cramping/">Charley horse</a>\s*—\s*'
        r"see Leg Spasms and Cramping",
        html,
    )
    # Under its own letter, C, before the guides of later letters.
    assert html.index('id="letter-C"') < html.index("Charley horse") < html.index('id="letter-L"')


@pytest.mark.parametrize("query", ["___", "leg:* & !(", "'", "a" * 500, "é ß 腿"])
def test_any_typed_text_gets_an_answer_not_an_error(client, demo, query):
    assert client.get("/search/", {"q": query}).status_code == 200


def test_results_pages_keep_a_description_and_open_graph_card_for_shared_links(client, demo):
    head = client.get("/search/", {"q": "leg cramps"}).content.decode().split("</head>")[0]
    description = re.findall(r'<meta name="description" content="([^"]*)">', head)
    assert description == [
        f"Search the condition guides and articles of {ClinicProfile.load().name} by symptom, "
        "condition or any name for it."
    ]
    assert f'<meta property="og:description" content="{description[0]}">' in head
    assert '<meta property="og:url" content="http://testserver/search/">' in head


# --------------------------------------------------------------------------- in Spanish


@pytest.fixture
def leg_spasms(demo):
    """The demo's leg spasms guide, public in Spanish too."""
    return Article.objects.get(slug="leg-spasms-and-cramping")


def spanish(name, **kwargs):
    with override("es"):
        return reverse(name, **kwargs)


def test_the_spanish_pages_search_in_spanish_and_link_to_spanish_pages(client, leg_spasms):
    response = client.get(spanish("search"), {"q": "calambre en la pantorrilla"})
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="es">' in html
    assert response["X-Robots-Tag"] == "noindex"
    results = html[html.index('<ol class="search-results"') :]
    first_link = re.search(r'<h2><a href="([^"]+)">([^<]+)</a></h2>', results)
    assert first_link.groups() == (leg_spasms.url_in("es"), "Espasmos y calambres en las piernas")
    assert "Los espasmos y <mark>calambres</mark> en las piernas" in results  # Spanish text
    assert "/conditions/leg-spasms-and-cramping/" not in results


def test_spanish_results_ignore_missing_accents_and_mark_the_word_as_written(client, leg_spasms):
    html = client.get(spanish("search"), {"q": "deshidratacion"}).content.decode()
    results = html[html.index('<ol class="search-results"') :]
    assert leg_spasms.url_in("es") in results
    assert "<mark>deshidratación</mark>" in results.casefold()


def test_no_spanish_results_offer_the_spanish_a_to_z_and_the_clinics_phone(client, leg_spasms):
    html = client.get(spanish("search"), {"q": "qwertyuiop"}).content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    assert f'href="{spanish("guides:index")}"' in main
    assert spanish("guides:index").startswith("/es/")
    assert 'href="tel:+19158500900"' in main


def test_the_search_box_on_spanish_pages_searches_in_spanish(client, leg_spasms):
    for url in [spanish("home"), leg_spasms.url_in("es")]:
        html = client.get(url).content.decode()
        assert re.search(rf'<form[^>]*action="{spanish("search")}"', html), url


def test_a_spanish_search_costs_the_queries_of_an_english_one(client, leg_spasms):
    spanish_queries = queries_for(client, "calambres", url=spanish("search"))
    assert spanish_queries == queries_for(client, "cramps")


def test_any_text_typed_in_spanish_gets_an_answer_not_an_error(client, leg_spasms):
    typed = ["___", "calam:* & !(", "'", "ñ" * 500, "é ß 腿", "\u0301", "pie", "ÁRBOL"]
    answers = {query: client.get(spanish("search"), {"q": query}).status_code for query in typed}
    assert answers == dict.fromkeys(typed, 200)
