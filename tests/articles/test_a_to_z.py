"""The conditions A to Z: one page while it is short, a page per letter once it is long."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.text import slugify

from articles import selectors
from conditions.models import AlternativeName
from tests.factories import make_condition, make_guide

pytestmark = pytest.mark.django_db


def guide_named(name, other_name=None):
    guide = make_guide(
        make_condition(name, slug=slugify(name), summary=f"Sample summary of {name}.")
    )
    if other_name:
        AlternativeName.objects.create(condition=guide.condition, name=other_name)
    return guide


def letter_links(html):
    nav = re.search(r'<nav [^>]*class="filters letters">.*?</nav>', html, re.DOTALL)
    return re.findall(r'<a href="([^"]*)"[^>]*>([^<]+)</a>', nav[0]) if nav else []


def cards(html):
    return re.findall(r'<li class="card">\s*<h3><a href="[^"]*">([^<]+)</a>', html)


@pytest.fixture
def long_a_to_z(monkeypatch):
    """An A to Z past its one-page size: Ankle, Arm, Back and Calf (sample names), and
    "Charley horse" for Calf."""
    monkeypatch.setattr(selectors, "A_TO_Z_ON_ONE_PAGE", 3)
    for name in ["Sample arm ache", "Sample ankle ache", "Sample back ache"]:
        guide_named(name.replace("Sample ", "").capitalize() + " (sample)")
    guide_named("Calf cramp (sample)", other_name="Charley horse (sample)")


def test_a_short_a_to_z_is_one_page_with_links_to_each_letter(client):
    guide_named("Ankle ache (sample)")
    guide_named("Back ache (sample)")
    html = client.get("/conditions/").content.decode()
    assert cards(html) == ["Ankle ache (sample)", "Back ache (sample)"]
    assert letter_links(html) == [("#letter-A", "A"), ("#letter-B", "B")]
    assert 'id="letter-A"' in html and 'id="letter-B"' in html


def test_a_long_a_to_z_shows_one_letter_a_page_the_first_by_default(client, long_a_to_z):
    first = client.get("/conditions/").content.decode()
    assert cards(first) == ["Ankle ache (sample)", "Arm ache (sample)"]
    assert letter_links(first) == [("?letter=a", "A"), ("?letter=b", "B"), ("?letter=c", "C")]
    assert '<a href="?letter=a" aria-current="page">A</a>' in first

    third = client.get("/conditions/?letter=c").content.decode()
    assert cards(third) == ["Calf cramp (sample)"]
    # Other names keep their "see" line, under their own letter.
    assert re.search(
        r'<a href="/conditions/[^"]+/">Charley horse \(sample\)</a>\s*—\s*see Calf cramp',
        third,
    )
    assert "<title>Conditions A to Z: C" in third


def test_a_letter_with_no_condition_is_a_404(client, long_a_to_z):
    assert client.get("/conditions/?letter=z").status_code == 404
    assert client.get("/conditions/?letter=ab").status_code == 404


def test_a_letter_page_keeps_the_body_region_filter(client, long_a_to_z, demo):
    html = client.get("/conditions/?region=legs").content.decode()
    # The demo's leg guide is the only one in the region: short again, one page.
    assert cards(html) == ["Leg Spasms and Cramping"]
    html = client.get("/conditions/?region=legs&letter=l").content.decode()
    assert cards(html) == ["Leg Spasms and Cramping"]


def test_a_letter_page_takes_the_same_queries_however_many_guides(client, monkeypatch):
    monkeypatch.setattr(selectors, "A_TO_Z_ON_ONE_PAGE", 3)
    client.get("/")  # the clinic's details are cached after any first page
    counts = []
    for how_many in (3, 30):
        for number in range(how_many):
            guide_named(f"{'ABC'[number % 3]}{how_many:02d}{number:02d} ache (sample)")
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/conditions/?letter=b")
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], [query["sql"] for query in queries.captured_queries]


def test_names_are_filed_by_their_letter_without_accents_or_case():
    assert selectors.letter_of("Ácido úrico") == "A"
    assert selectors.letter_of("charley horse") == "C"
    assert selectors.letter_of("5th metatarsal") == "#"
