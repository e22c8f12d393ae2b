from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from clinic_site.demo import content
from references.importing import import_references, preview_import
from references.models import Citation
from tests.references.test_parsing import GARBLED, NINE_ON_CONSECUTIVE_LINES, SEED

pytestmark = pytest.mark.django_db

SEED_TEXT = "\n\n".join(SEED)
# The fields the seed's own text gives, compared with the demo's curated records; the demo
# writes journals as PubMed abbreviations and full page ranges, which the seed does not.
# Titles are compared ignoring case, as the demo writes them in sentence case.
COMPARED = ["year", "volume", "issue", "doi", "authors_incomplete"]


def test_the_ten_seed_references_import_with_every_field_right():
    result = import_references(SEED_TEXT)
    assert len(result.created) == 10 and not result.reused and not result.incomplete
    for expected in content.CITATIONS.values():
        citation = Citation.objects.get(title__iexact=expected["title"])  # title matches
        for name in COMPARED:
            assert getattr(citation, name) == expected.get(name, getattr(citation, name)), name
        assert citation.author_names == expected["authors"].splitlines()
        assert citation.pages.split("-")[0] == expected["pages"].split("-")[0]
        assert citation.original_text in SEED
        assert not citation.needs_checking


def test_seed_references_already_loaded_are_reused_not_duplicated(demo):
    before = Citation.objects.count()
    result = import_references(SEED_TEXT)
    assert len(result.reused) == 10
    assert Citation.objects.count() == before


def test_doi_in_another_case_or_as_a_link_is_the_same_reference():
    import_references("10.1113/EP085355")
    result = import_references("https://doi.org/10.1113/ep085355")
    assert len(result.reused) == 1 and Citation.objects.count() == 1


def test_same_pmid_is_the_same_reference():
    import_references("https://pubmed.ncbi.nlm.nih.gov/32956536/")
    assert len(import_references("PMID: 32956536").reused) == 1


def test_a_duplicate_within_one_paste_is_saved_once():
    result = import_references("10.1113/EP085355\n\ndoi:10.1113/EP085355")
    assert Citation.objects.count() == 1
    assert len(result.reused) == 1


def test_unreadable_text_is_kept_as_written_and_flagged_beside_good_references():
    result = import_references(f"{SEED[0]}\n\n{GARBLED}")
    assert len(result.created) == 2
    kept = Citation.objects.get(original_text=GARBLED)
    assert kept.needs_checking
    assert kept.title == GARBLED
    assert Citation.objects.filter(needs_checking=False).count() == 1


def test_preview_saves_nothing():
    preview = preview_import(SEED_TEXT)
    assert len(preview.references) == 10
    assert not Citation.objects.exists()


def test_command_reports_created_reused_and_to_check(tmp_path, capsys):
    path = tmp_path / "refs.txt"
    path.write_text(f"{SEED[0]}\n\n{GARBLED}\n\n10.1371/journal.pone.0227497\n", encoding="utf-8")
    call_command("import_references", str(path))
    out = capsys.readouterr().out
    assert "Created 2, reused 1; 1 of those created need checking" in out
    assert "REUSED" in out and "CHECK" in out


def test_command_dry_run_saves_nothing(tmp_path, capsys):
    path = tmp_path / "refs.txt"
    path.write_text(SEED_TEXT, encoding="utf-8")
    call_command("import_references", str(path), "--dry-run")
    assert "Would create 10" in capsys.readouterr().out
    assert not Citation.objects.exists()


@pytest.mark.parametrize(
    ("make_file", "message"),
    [
        (lambda tmp: tmp / "missing.txt", "No such file"),
        (lambda tmp: tmp, "is a folder"),
        (lambda tmp: _write(tmp / "empty.txt", b"  \n"), "is empty"),
        (lambda tmp: _write(tmp / "latin1.txt", "Araújo".encode("latin-1")), "not UTF-8"),
    ],
)
def test_command_refuses_bad_files_with_one_clear_line(tmp_path, make_file, message):
    with pytest.raises(CommandError, match=message):
        call_command("import_references", str(make_file(tmp_path)))
    assert not Citation.objects.exists()


def _write(path: Path, data: bytes):
    path.write_bytes(data)
    return path


def test_the_varied_real_reference_set_loses_nothing():
    lines = (Path(__file__).parent / "real_references.txt").read_text(encoding="utf-8")
    text = "\n".join(line for line in lines.splitlines() if not line.startswith("#"))
    result = import_references(text)
    statuses = [item.parsed.status for item in result.references]
    assert "unparsed" not in statuses
    assert Citation.objects.count() == len(result.created)


def test_a_reference_without_identifiers_pasted_twice_is_saved_once():
    result = import_references(f"{SEED[5]}\n\n{SEED[5]}")  # Young: no DOI, no PMID
    assert Citation.objects.count() == 1 and len(result.reused) == 1


def test_two_dois_sharing_a_pmid_are_one_reference_not_an_error():
    text = "10.1002/14651858.CD009402.pub3 PMID: 32956536\n\n10.1002/x.sample PMID: 32956536"
    import_references(text)
    assert Citation.objects.filter(pmid="32956536").count() <= 1


def test_nine_references_one_a_line_give_nine_records_one_reused():
    result = import_references("\n".join(NINE_ON_CONSECUTIVE_LINES))
    assert len(result.references) == 9
    assert len(result.created) == 8 and len(result.reused) == 1
    assert result.reused[0].citation.doi == "10.1136/bmj.327.7414.557"
    assert Citation.objects.filter(doi="10.1056/NEJMoa012512").exists()
    assert Citation.objects.filter(pmid="29573870").exists()


@pytest.mark.parametrize(
    "pasted",
    ["https://pubmed.ncbi.nlm.nih.gov/29573870/", "PMID: 29573870", "10.1056/NEJMoa012512"],
)
def test_a_bare_identifier_saves_with_an_empty_title_flagged_for_checking(pasted):
    (item,) = import_references(pasted).references
    citation = Citation.objects.get(pk=item.citation.pk)
    assert citation.title == ""
    assert citation.needs_checking
    assert "no title yet" in str(citation)


def test_command_refuses_a_file_over_the_limit_naming_it(tmp_path):
    path = tmp_path / "many.txt"
    path.write_text("\n".join(f"line {number}" for number in range(100_000)), encoding="utf-8")
    with pytest.raises(CommandError, match="5,000 lines"):
        call_command("import_references", str(path))
