from datetime import date

import pytest

from references.exporting import to_bibtex, to_ris
from references.importing import CITATION_FIELDS, import_references
from references.models import Citation
from references.parsing import parse_references
from tests.factories import NHS_LEG_CRAMPS, make_citation

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
    page = make_citation(**NHS_LEG_CRAMPS)
    ris = to_ris([page])
    assert "TY  - ELEC" in ris and "Y2  - 2026/03/03" in ris
    assert "UR  - https://www.nhs.uk/conditions/leg-cramps/" in ris
    assert "urldate = {2026-03-03}" in to_bibtex([page])


def test_exports_read_back_through_the_importer(garrison):
    for exported in (to_ris([garrison]), to_bibtex([garrison])):
        (parsed,) = parse_references(exported)
        assert parsed.title == garrison.title
        assert parsed.doi == garrison.doi
        assert parsed.year == 2020
        assert parsed.authors[0] == "Garrison SR"


# --- Every kind survives export and import unchanged -------------------------------------

KINDS = {
    "journal-article": {
        "authors": ["de Araújo CAL", "Garrison SR", "Cochrane Review Group"],
        "authors_incomplete": True,
        "title": "Oral magnesium & leg cramps: 50% fewer? A $5, #1 trial_{sample}",
        "container_title": "PLoS One",
        "year": 2020,
        "month": 1,
        "day": 10,
        "volume": "15",
        "issue": "1",
        "pages": "e0227497",
        "doi": "10.1371/journal.pone.0227497",
        "pmid": "31923233",
        "pmcid": "PMC6953863",
    },
    "systematic-review": {
        "authors": ["Garrison SR", "Korownyk CS"],
        "title": "Magnesium for skeletal muscle cramps",
        "container_title": "Cochrane Database Syst Rev",
        "year": 2020,
        "month": 9,
        "volume": "9",
        "issue": "9",
        "pages": "CD009402",
        "doi": "10.1002/14651858.CD009402.pub3",
        "pmid": "32956536",
    },
    "book": {
        "authors": ["Cohen J"],
        "title": "Statistical power analysis for the behavioral sciences (2nd ed.)",
        "container_title": "",
        "publisher": "Lawrence Erlbaum Associates",
        "year": 1988,
        "doi": "",
    },
    "book-chapter": {
        "authors": ["Higgins JPT", "Li T", "Deeks JJ"],
        "title": "Choosing effect measures and computing estimates of effect",
        "container_title": "Cochrane Handbook for Systematic Reviews of Interventions",
        "publisher": "John Wiley & Sons",
        "year": 2019,
        "pages": "143-176",
        "doi": "10.1002/9781119536604.ch6",
    },
    "web-page": {
        "authors": ["NHS"],
        "title": "Leg cramps",
        "container_title": "NHS website",
        "year": 2023,
        "url": "https://www.nhs.uk/conditions/leg-cramps/?sample=1&b=2%20x",
        "accessed": date(2026, 3, 3),
        "doi": "",
    },
    "guideline": {
        "authors": ["National Institute for Health and Care Excellence"],
        "title": "Low back pain and sciatica in over 16s: assessment and management",
        "container_title": "NICE guideline NG59",
        "publisher": "NICE",
        "year": 2016,
        "month": 11,
        "day": 30,
        "url": "https://www.nice.org.uk/guidance/ng59",
        "accessed": date(2026, 3, 3),
        "doi": "",
    },
}


def _as_record(citation):
    return {name: getattr(citation, name) for name in CITATION_FIELDS} | {
        "authors": citation.author_names
    }


def _round_trip(kind, export):
    fields = KINDS[kind]
    original = make_citation(kind=kind, **fields)
    expected = _as_record(original)
    exported = export([original])
    Citation.objects.all().delete()
    result = import_references(exported)
    assert len(result.created) == 1, exported
    return expected, _as_record(result.created[0].citation), exported


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_comes_back_unchanged_from_ris(kind):
    expected, imported, exported = _round_trip(kind, to_ris)
    if kind == "journal-article":
        # RIS has no way to say "and more authors"; every listed author comes back.
        expected["authors_incomplete"] = False
    assert imported == expected, exported


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_comes_back_unchanged_from_bibtex(kind):
    expected, imported, exported = _round_trip(kind, to_bibtex)
    assert imported == expected, exported


def test_ris_writes_a_chapters_book_under_the_standard_t2_tag():
    chapter = make_citation(kind="book-chapter", **{**KINDS["book-chapter"], "authors": None})
    ris = to_ris([chapter])
    assert "T2  - Cochrane Handbook for Systematic Reviews of Interventions" in ris
    assert "BT  -" not in ris


def test_bibtex_escapes_what_latex_would_read_as_commands():
    fields = {**KINDS["journal-article"], "authors": ["Johnson & Johnson Group"]}
    bib = to_bibtex([make_citation(**fields)])
    assert (
        r"title = {Oral magnesium \& leg cramps: 50\% fewer? A \$5, \#1 trial\_\{sample\}}" in bib
    )
    assert r"author = {{Johnson \& Johnson Group} and others}" in bib
