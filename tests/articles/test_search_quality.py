"""The goal of issue 9 on the database the suite runs on: patients' queries find their page;
and of issue 10 for Spanish, among the demo's Spanish pages."""

import pytest

from articles.search import search
from tests.articles.search_queries import (
    EXPECTED_PAGE,
    NOTHING_TO_FIND,
    SPANISH_EXPECTED_PAGE,
    SPANISH_NOTHING_TO_FIND,
)

pytestmark = pytest.mark.django_db

GOAL_FIRST = 0.9


def slugs_found(query, language="en"):
    results = search(query, language=language).object_list
    return [result.url.strip("/").rsplit("/", 1)[-1] for result in results]


def share_found_first(expected_page, language):
    missed = [
        (query, slugs_found(query, language)[:3])
        for query, slug in expected_page
        if slugs_found(query, language)[:1] != [slug]
    ]
    return 1 - len(missed) / len(expected_page), missed


def test_at_least_nine_in_ten_patient_queries_find_their_page_first(demo):
    share_first, missed = share_found_first(EXPECTED_PAGE, "en")
    assert share_first >= GOAL_FIRST, missed


@pytest.mark.parametrize("query", ["charley horse", "leg cramps", "thorasic", "flat feet"])
def test_the_queries_named_in_the_issue_find_their_page_first(demo, query):
    expected = dict(EXPECTED_PAGE)[query]
    assert slugs_found(query)[:1] == [expected]


@pytest.mark.parametrize("query", NOTHING_TO_FIND)
def test_queries_with_no_page_find_nothing(demo, query):
    assert slugs_found(query) == []


def test_at_least_nine_in_ten_spanish_queries_find_their_page_first(demo):
    share_first, missed = share_found_first(SPANISH_EXPECTED_PAGE, "es")
    assert share_first >= GOAL_FIRST, missed


SPANISH_NAMED_IN_THE_ISSUE = [
    "calambres",
    "calambre en la pantorrilla",
    "dolor de espalda",
    "escoliosis",
    "escolosis",
    "toracica",
]


# One test each, not one per query: each would load the demo again.
def test_the_spanish_queries_named_in_the_issue_find_their_page_first(demo):
    expected = dict(SPANISH_EXPECTED_PAGE)
    missed = {
        query: slugs_found(query, "es")[:3]
        for query in SPANISH_NAMED_IN_THE_ISSUE
        if slugs_found(query, "es")[:1] != [expected[query]]
    }
    assert missed == {}


def test_spanish_queries_with_no_page_find_nothing(demo):
    found = {query: slugs_found(query, "es") for query in SPANISH_NOTHING_TO_FIND}
    assert {query: slugs for query, slugs in found.items() if slugs} == {}


def test_english_queries_find_nothing_among_the_spanish_pages(demo):
    assert slugs_found("charley horse", "es") == []
