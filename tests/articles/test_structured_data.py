"""A guide's and an article's JSON-LD: made from the page object, inside schema.org's
vocabulary as written down in tests/schema_org.py, and safe against stored text."""

import json
from datetime import date

import pytest
from django.utils.html import json_script

from articles.models import Article, ArticleCitation
from articles.pages import build_page
from articles.structured_data import json_ld_script, page_structured_data
from conditions.models import Symptom
from tests.factories import add_records, make_article, make_citation, make_guide, make_practitioner
from tests.schema_org import (
    PROPERTIES,
    TYPES,
    json_ld_blocks,
    nodes,
    of_type,
    terms_outside_the_vocabulary,
)

pytestmark = pytest.mark.django_db

GUIDE = "/conditions/leg-spasms-and-cramping/"
ARTICLE = "/articles/pelvic-and-lower-extremity-imbalances-can-lead-to-scoliosis/"


def test_vocabulary_holds_what_the_issue_asks_for_each_with_its_schema_org_page():
    for name, (url, _properties) in TYPES.items():
        assert url == f"https://schema.org/{name}"
    assert TYPES["MedicalWebPage"][1] >= {"lastReviewed", "reviewedBy", "author", "about"}
    assert TYPES["MedicalCondition"][1] >= {
        "name",
        "alternateName",
        "signOrSymptom",
        "cause",
        "possibleTreatment",
    }
    assert TYPES["MedicalClinic"][1] >= {"telephone", "address", "openingHoursSpecification"}
    assert PROPERTIES["openingHoursSpecification"] == (
        "https://schema.org/openingHoursSpecification"
    )


@pytest.mark.parametrize("url", [GUIDE, ARTICLE, "/", "/contact/", "/conditions/", "/articles/"])
def test_every_type_and_property_is_in_the_vocabulary(client, demo, url):
    blocks = json_ld_blocks(client.get(url).content.decode())
    assert blocks
    for block in blocks:
        assert terms_outside_the_vocabulary(block) == [], url


def test_guide_is_a_medical_web_page_about_its_condition_as_the_page_shows_it(client, demo):
    html = client.get(GUIDE).content.decode()
    (webpage,) = of_type(json_ld_blocks(html), "MedicalWebPage")
    article = Article.objects.for_page().get(slug="leg-spasms-and-cramping")
    page = build_page(article)

    assert webpage["url"] == f"http://testserver{GUIDE}"
    assert webpage["lastReviewed"] == article.last_reviewed.isoformat()
    assert webpage["reviewedBy"] == {
        "@type": "Person",
        "name": article.reviewer.name,
        "honorificSuffix": article.reviewer.credentials,
    }
    assert webpage["author"]["name"] == article.author.name
    assert webpage["publisher"] == {"@id": "http://testserver/#clinic"}
    condition = webpage["about"]
    assert condition["@type"] == "MedicalCondition"
    assert condition["name"] == article.condition.name
    assert condition["alternateName"] == list(
        article.condition.alternative_names.filter(language="en").values_list("name", flat=True)
    )
    for key, section in [
        ("signOrSymptom", "symptoms"),
        ("cause", "causes"),
        ("possibleTreatment", "treatments"),
    ]:
        (listed,) = [shown for shown in page.sections if shown.key == section]
        names = [entry.name for entry in listed.entries]
        assert [record["name"] for record in condition[key]] == names, key
    # The reference list, in the page's numbered order.
    assert [work["name"] for work in webpage["citation"]] == [
        citation.title for citation in page.citations
    ]
    dois = [
        value["value"]
        for work in webpage["citation"]
        for value in work.get("identifier", [])
        if value["propertyID"] == "DOI"
    ]
    assert "10.1371/journal.pone.0227497" in dois


def test_guide_data_follows_a_change_to_a_shared_record(client):
    guide = make_guide(last_reviewed=date(2026, 3, 1), reviewer=make_practitioner())
    add_records(guide.condition, 2)
    symptom = guide.condition.symptom_links.first().symptom
    Symptom.objects.filter(pk=symptom.pk).update(name="Renamed sample symptom")

    (webpage,) = of_type(
        json_ld_blocks(client.get(guide.get_absolute_url()).content.decode()), "MedicalWebPage"
    )
    names = [record["name"] for record in webpage["about"]["signOrSymptom"]]
    assert "Renamed sample symptom" in names


def test_article_is_a_medical_web_page_whose_main_entity_is_an_article(client, demo):
    blocks = json_ld_blocks(client.get(ARTICLE).content.decode())
    (webpage,) = of_type(blocks, "MedicalWebPage")
    article = Article.objects.get(slug=ARTICLE.split("/")[2])
    assert "about" not in webpage
    story = webpage["mainEntity"]
    assert story["@type"] == "Article"
    assert story["headline"] == article.title
    assert story["author"]["name"] == article.author.name


def test_page_data_leaves_out_what_the_page_does_not_have():
    guide = make_guide()  # no reviewer, author, review date, records or references
    data = page_structured_data(
        build_page(Article.objects.for_page().get(pk=guide.pk)), site_root="https://x.test/"
    )
    for key in ("reviewedBy", "author", "lastReviewed", "citation"):
        assert key not in data
    assert "signOrSymptom" not in data["about"]
    assert all(value not in ("", [], {}, None) for node in nodes(data) for value in node.values())


HOSTILE = '</script><script>xss(1)</script><!-- & "quotes" \u2028'


def test_stored_text_cannot_close_the_script_element(client):
    guide = make_guide(title=HOSTILE, summary=HOSTILE)
    ArticleCitation.objects.create(article=guide, citation=make_citation(title=HOSTILE))
    html = client.get(guide.get_absolute_url()).content.decode()
    head = html.split("</head>")[0]

    assert head.count("<script") == head.count("</script>") == 2
    (webpage,) = of_type(json_ld_blocks(html), "MedicalWebPage")
    assert webpage["name"] == webpage["description"] == HOSTILE
    assert webpage["about"]["name"] == guide.condition.name
    assert [work["name"] for work in webpage["citation"]] == [HOSTILE]


def test_escaping_is_the_same_as_djangos_json_script():
    data = {"name": HOSTILE, "list": ["<b>", "&amp;"]}
    ours = str(json_ld_script(data))
    django = str(json_script(data))
    body = ours.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert body == django.removeprefix('<script type="application/json">').removesuffix("</script>")
    assert json.loads(body) == data
    assert "<" not in body and ">" not in body and "&" not in body


def test_an_article_in_a_draft_state_still_builds_without_publish_time():
    article = make_article(published=False)
    data = page_structured_data(
        build_page(Article.objects.for_page().get(pk=article.pk)), site_root="https://x.test/"
    )
    assert "datePublished" not in data
    assert data["mainEntity"]["headline"] == article.title
