import pytest

from references.models import Citation
from tests.references.test_parsing import GARBLED, SEED

pytestmark = pytest.mark.django_db

IMPORT_URL = "/admin/references/citation/import/"


def test_pasted_references_are_shown_for_review_before_anything_is_saved(practitioner):
    before = Citation.objects.count()
    text = f"10.5555/sample.new.doi\n\n{GARBLED}\n\n{SEED[1]}"
    html = practitioner.post(IMPORT_URL, {"text": text, "_preview": "1"}).content.decode()
    assert "3 references found" in html
    assert "Already here: reused" in html  # SEED[1] is in the demo
    assert "New, needs checking" in html
    assert "Could not recognise this reference" in html
    assert Citation.objects.count() == before


def test_saving_the_reviewed_paste_creates_the_new_and_reports_the_reused(practitioner):
    before = Citation.objects.count()
    text = f"10.5555/sample.new.doi\n\n{SEED[1]}"
    response = practitioner.post(IMPORT_URL, {"text": text, "_save": "1"}, follow=True)
    html = response.content.decode()
    assert "Created 1 references and reused 1 already here." in html
    assert "Already here, reused" in html
    assert Citation.objects.count() == before + 1


def test_empty_paste_is_refused_in_plain_words(practitioner):
    html = practitioner.post(IMPORT_URL, {"text": " ", "_preview": "1"}).content.decode()
    assert "This field is required" in html


def test_receptionist_cannot_import(client, demo):
    client.login(username="receptionist", password="receptionist-demo")
    assert client.get(IMPORT_URL).status_code == 403


def test_citation_page_lists_every_page_and_record_that_cites_it(practitioner):
    citation = Citation.objects.get(doi="10.1371/journal.pone.0227497")
    html = practitioner.get(f"/admin/references/citation/{citation.pk}/change/").content.decode()
    assert "Condition: Leg Spasms and Cramping" in html
    assert f"[cite:{citation.pk}]" in html


def test_list_of_citations_nothing_cites(practitioner):
    Citation.objects.create(title="Sample citation nobody cites", year=2020)
    html = practitioner.get("/admin/references/citation/?cited=no").content.decode()
    assert "Sample citation nobody cites" in html
    assert "Oral magnesium supplementation" not in html


def test_a_reference_cited_only_in_text_is_listed_as_used_and_not_as_cited_nowhere(client, demo):
    from references.models import Citation
    from tests.factories import make_citation, make_guide

    cited = make_citation(title="Sample cited only in a guide's text")
    idle = make_citation(title="Sample cited by nothing")
    make_guide(body=f"<p>Sample {cited.in_text_marker}</p>", title="Sample text-citing guide")
    assert client.login(username="practitioner", password="practitioner-demo")
    uncited = set(Citation.objects.uncited())
    assert idle in uncited and cited not in uncited
    html = client.get("/admin/references/citation/?cited=no").content.decode()
    assert "Sample cited by nothing" in html
    assert "Sample cited only in a guide" not in html
    html = client.get(f"/admin/references/citation/{cited.pk}/change/").content.decode()
    assert "Sample text-citing guide" in html


def test_a_paste_over_the_limit_is_refused_naming_the_limit(practitioner):
    text = "\n".join(f"line {number} of text" for number in range(100_000))
    html = practitioner.post(IMPORT_URL, {"text": text, "_preview": "1"}).content.decode()
    assert "at most 200,000 characters and 5,000 lines" in html
    assert "references found" not in html


def test_the_review_screen_says_when_a_reference_looks_like_two(practitioner):
    text = f"Sample notes from the 2019 clinic meeting.\n{SEED[7]}"
    html = practitioner.post(IMPORT_URL, {"text": text, "_preview": "1"}).content.decode()
    assert "One reference found" in html
    assert "looks like two references" in html


def test_a_practitioner_sees_and_edits_a_references_authors(practitioner):
    citation = Citation.objects.get(doi="10.1371/journal.pone.0227497")
    html = practitioner.get(f"/admin/references/citation/{citation.pk}/change/").content.decode()
    assert "Authors, in order" in html
    assert 'name="authors-0-family_name"' in html
