"""/search/: results, no results, pages of results, never indexed (yet described for shared
links), the box on every page."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

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


def queries_for(client, query):
    client.get("/search/", {"q": query})  # any stale document is written first
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/search/", {"q": query}).status_code == 200
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
