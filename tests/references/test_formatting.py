import pytest

from references.formatting import ama_authors
from references.models import Citation


def make_citation(**fields):
    defaults = dict(
        authors="Garrison SR",
        title="Magnesium for skeletal muscle cramps",
        container_title="Cochrane Database Syst Rev",
        year=2012,
        volume="2012",
        issue="9",
        pages="CD009402",
        doi="10.1002/14651858.CD009402.pub2",
    )
    return Citation(**(defaults | fields))


def test_up_to_six_authors_are_all_listed():
    authors = ["A A", "B B", "C C", "D D", "E E", "F F"]
    assert ama_authors(authors) == "A A, B B, C C, D D, E E, F F"


def test_more_than_six_authors_become_three_and_et_al():
    authors = ["A A", "B B", "C C", "D D", "E E", "F F", "G G"]
    assert ama_authors(authors) == "A A, B B, C C, et al"


def test_an_incomplete_author_list_ends_with_et_al():
    assert ama_authors(["Luo L"], incomplete=True) == "Luo L, et al"


def test_journal_article_follows_ama_punctuation_with_linked_doi():
    html = str(make_citation(authors_incomplete=True).as_ama())
    assert html == (
        "Garrison SR, et al. Magnesium for skeletal muscle cramps. "
        "<cite>Cochrane Database Syst Rev</cite>. 2012;2012(9):CD009402. "
        'doi:<a href="https://doi.org/10.1002/14651858.CD009402.pub2">'
        "10.1002/14651858.CD009402.pub2</a>"
    )


def test_pmid_links_to_pubmed():
    html = str(make_citation(doi="", pmid="23996377").as_ama())
    assert 'PMID: <a href="https://pubmed.ncbi.nlm.nih.gov/23996377/">23996377</a>' in html


def test_volume_without_issue_has_no_brackets():
    html = str(make_citation(issue="", volume="10", pages="77", year=2009, doi="").as_ama())
    assert "2009;10:77." in html


@pytest.mark.parametrize("title", ["<script>alert(1)</script>", 'A "quoted" & odd title'])
def test_text_fields_are_escaped(title):
    html = str(make_citation(title=title).as_ama())
    assert "<script>" not in html
    assert "&lt;" in html or "&quot;" in html or "&amp;" in html
