from datetime import date

import pytest

from references.formatting import ama_authors
from references.models import Citation
from tests.factories import make_citation

pytestmark = pytest.mark.django_db

GARRISON = dict(
    authors=["Garrison SR"],
    authors_incomplete=True,
    title="Magnesium for skeletal muscle cramps",
    container_title="Cochrane Database Syst Rev",
    year=2012,
    volume="2012",
    issue="9",
    pages="CD009402",
    doi="10.1002/14651858.CD009402.pub2",
)


def ama(**fields):
    return str(make_citation(**(GARRISON | fields)).as_ama())


def test_up_to_six_authors_are_all_listed():
    authors = ["A A", "B B", "C C", "D D", "E E", "F F"]
    assert ama_authors(authors) == "A A, B B, C C, D D, E E, F F"


def test_more_than_six_authors_become_three_and_et_al():
    authors = ["A A", "B B", "C C", "D D", "E E", "F F", "G G"]
    assert ama_authors(authors) == "A A, B B, C C, et al"


def test_an_incomplete_author_list_ends_with_et_al():
    assert ama_authors(["Luo L"], incomplete=True) == "Luo L, et al"


def test_journal_article_follows_ama_punctuation_with_linked_doi():
    assert ama() == (
        "Garrison SR, et al. Magnesium for skeletal muscle cramps. "
        "<cite>Cochrane Database Syst Rev</cite>. 2012;2012(9):CD009402. "
        'doi:<a href="https://doi.org/10.1002/14651858.CD009402.pub2">'
        "10.1002/14651858.CD009402.pub2</a>"
    )


def test_seven_stored_authors_print_as_three_and_et_al():
    html = ama(
        authors=[
            "Garrison SR",
            "Korownyk CS",
            "Kolber MR",
            "Allan GM",
            "Musini VM",
            "Sekhon RK",
            "Dugré N",
        ],
        authors_incomplete=False,
    )
    assert html.startswith("Garrison SR, Korownyk CS, Kolber MR, et al. Magnesium")


def test_group_author_is_printed_as_written():
    assert ama(authors=["Cochrane Review Group"], authors_incomplete=False).startswith(
        "Cochrane Review Group. Magnesium"
    )


def test_pmid_and_pmcid_link_to_pubmed_and_pmc():
    html = ama(doi="", pmid="32956536", pmcid="PMC8094171")
    assert 'PMID: <a href="https://pubmed.ncbi.nlm.nih.gov/32956536/">32956536</a>' in html
    assert 'PMCID: <a href="https://pmc.ncbi.nlm.nih.gov/articles/PMC8094171/">' in html


def test_volume_without_issue_has_no_brackets():
    assert "2009;10:77." in ama(issue="", volume="10", pages="77", year=2009, doi="")


def test_web_page_has_its_site_accessed_date_and_address():
    html = ama(
        kind=Citation.Kind.WEB_PAGE,
        authors=["NHS"],
        authors_incomplete=False,
        title="Leg cramps",
        container_title="NHS website",
        year=None,
        volume="",
        issue="",
        pages="",
        doi="",
        url="https://www.nhs.uk/conditions/leg-cramps/",
        accessed=date(2026, 3, 3),
    )
    assert html == (
        "NHS. Leg cramps. NHS website. Accessed March 3, 2026. "
        '<a href="https://www.nhs.uk/conditions/leg-cramps/">https://www.nhs.uk/conditions/leg-cramps/</a>'
    )


def test_book_has_publisher_and_year_with_title_in_italics():
    html = ama(
        kind=Citation.Kind.BOOK,
        authors=["Sample AB"],
        authors_incomplete=False,
        title="Sample book title",
        container_title="",
        publisher="Sample Press",
        year=2019,
        doi="",
    )
    assert html == "Sample AB. <cite>Sample book title.</cite> Sample Press; 2019."


@pytest.mark.parametrize(
    ("title", "escaped"),
    [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;."),
        ('A "quoted" & odd title', "A &quot;quoted&quot; &amp; odd title."),
    ],
)
def test_text_fields_are_escaped(title, escaped):
    html = ama(title=title)
    assert f"et al. {escaped} <cite>" in html
