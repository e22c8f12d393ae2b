from datetime import date

import pytest

from references.exporting import to_bibtex, to_ris
from references.parsing import parse_references
from tests.factories import make_citation

pytestmark = pytest.mark.django_db


@pytest.fixture
def garrison():
    return make_citation(
        authors=["Garrison SR", "Korownyk CS"],
        authors_incomplete=True,
        title="Magnesium for skeletal muscle cramps",
        container_title="Cochrane Database Syst Rev",
        year=2020,
        volume="9",
        issue="9",
        pages="CD009402",
        doi="10.1002/14651858.CD009402.pub3",
        pmid="32956536",
    )


def test_ris_has_one_line_per_field_in_order(garrison):
    lines = to_ris([garrison]).split("\r\n")
    assert lines[:4] == [
        "TY  - JOUR",
        "AU  - Garrison, S R",
        "AU  - Korownyk, C S",
        "TI  - Magnesium for skeletal muscle cramps",
    ]
    assert "DO  - 10.1002/14651858.CD009402.pub3" in lines
    assert "AN  - PMID:32956536" in lines
    assert "ER  -" in lines


def test_bibtex_marks_missing_authors_with_and_others(garrison):
    bib = to_bibtex([garrison])
    assert bib.startswith("@article{garrison2020-")
    assert "author = {Garrison, S R and Korownyk, C S and others}" in bib
    assert "pages = {CD009402}" in bib


def test_web_page_exports_its_address_and_access_date():
    page = make_citation(
        kind="web-page",
        authors=["NHS"],
        title="Leg cramps",
        container_title="NHS website",
        year=None,
        doi="",
        url="https://www.nhs.uk/conditions/leg-cramps/",
        accessed=date(2026, 3, 3),
    )
    ris = to_ris([page])
    assert "TY  - ELEC" in ris and "Y2  - 2026-03-03" in ris
    assert "UR  - https://www.nhs.uk/conditions/leg-cramps/" in ris
    assert "urldate = {2026-03-03}" in to_bibtex([page])


def test_exports_read_back_through_the_importer(garrison):
    for exported in (to_ris([garrison]), to_bibtex([garrison])):
        (parsed,) = parse_references(exported)
        assert parsed.title == garrison.title
        assert parsed.doi == garrison.doi
        assert parsed.year == 2020
        assert parsed.authors[0] == "Garrison SR"
