"""In-text citations, evidence on records and reference downloads on public pages."""

import re
from datetime import date

import pytest

from articles.models import Article, ArticleCitation
from articles.publish_checks import check_for_publishing
from editing.richtext import RichTextField
from tests.factories import add_records, make_citation, make_guide, make_practitioner

pytestmark = pytest.mark.django_db


@pytest.fixture
def guide():
    guide = make_guide(reviewer=make_practitioner(), last_reviewed=date(2026, 3, 12))
    add_records(guide.condition, 1)
    return guide


def test_in_text_marker_becomes_a_numbered_link_to_the_reference_list(client, guide):
    cited = make_citation(title="Sample cited source")
    # Sample text, not clinical content.
    guide.body = f"<p>Sample sentence with a source [cite:{cited.pk}].</p>"
    guide.save()
    html = client.get(guide.get_absolute_url()).content.decode()
    assert '<sup class="cite">[<a href="#ref-1" id="cite-1-1">1</a>]</sup>' in html
    reference = re.search(r'<li id="ref-1">(.*?)</li>', html, re.S).group(1)
    assert "Sample cited source" in reference
    assert 'href="#cite-1-1"' in reference  # the way back to the sentence


def test_editor_sanitiser_keeps_the_marker():
    field = RichTextField()
    assert field.sanitize("<p>Sample [cite:12].</p>") == "<p>Sample [cite:12].</p>"


def test_evidence_on_a_cause_shows_beside_it_and_in_the_reference_list(client, guide):
    link = guide.condition.cause_links.get()
    evidence = link.citations.get()
    html = client.get(guide.get_absolute_url()).content.decode()
    record = re.search(r'<article class="record">.*?</article>', html, re.S).group(0)
    assert 'class="evidence"' in record
    number = re.search(r'href="#ref-(\d+)"', record).group(1)
    assert evidence.title in re.search(rf'<li id="ref-{number}">(.*?)</li>', html, re.S).group(1)


def test_marker_naming_a_missing_reference_blocks_publishing_and_is_not_shown(client, guide):
    guide.body = "<p>Sample sentence [cite:987654].</p>"
    guide.save()
    article = Article.objects.for_page().get(pk=guide.pk)
    assert any("[cite:987654]" in error for error in check_for_publishing(article).errors)
    html = client.get(guide.get_absolute_url()).content.decode()
    assert "987654" not in html


def test_reference_list_downloads_as_ris_and_bibtex(client, guide):
    ArticleCitation.objects.create(
        article=guide, citation=make_citation(title="Sample download source")
    )
    ris = client.get(f"{guide.get_absolute_url()}references.ris")
    bib = client.get(f"{guide.get_absolute_url()}references.bib")
    assert ris["Content-Type"].startswith("application/x-research-info-systems")
    assert "attachment" in ris["Content-Disposition"]
    assert "TI  - Sample download source" in ris.content.decode()
    assert "title = {Sample download source}" in bib.content.decode()
    page = client.get(guide.get_absolute_url()).content.decode()
    listed = re.findall(r'<li id="ref-\d+">(.*?)\. ', page)
    exported = re.findall(r"^TI  - (.*?)\r?$", ris.content.decode(), re.M)
    assert len(exported) == len(listed) > 1
    assert page.index("Sample download source") > page.index('<li id="ref-1">')


def test_download_follows_the_in_text_numbering_and_includes_sources_only_the_text_names(
    client, guide
):
    named_only = make_citation(title="Sample source named only in the text")
    guide.body = f"<p>Sample sentence [cite:{named_only.pk}].</p>"
    guide.save()
    ris = client.get(f"{guide.get_absolute_url()}references.ris").content.decode()
    titles = re.findall(r"^TI  - (.*?)\r?$", ris, re.M)
    assert titles[0] == "Sample source named only in the text"


def test_preview_links_downloads_to_the_public_address(client, guide, admin_user):
    client.force_login(admin_user)
    html = client.get(f"/articles/preview/{guide.pk}/").content.decode()
    assert f'href="{guide.get_absolute_url()}references.ris"' in html


def test_reference_download_of_a_draft_is_not_found(client):
    draft = make_guide(published=False)
    assert client.get(f"{draft.get_absolute_url()}references.ris").status_code == 404


def test_unknown_download_format_is_not_found(client, guide):
    assert client.get(f"{guide.get_absolute_url()}references.pdf").status_code == 404


def test_a_missing_reference_is_reported_where_its_marker_is_written(guide):
    from conditions.models import Cause, ConditionCause

    cause = Cause.objects.create(
        name="Sample cause", slug="sample-cause", details="<p>Sample [cite:987601].</p>"
    )
    ConditionCause.objects.create(
        condition=guide.condition, cause=cause, note="<p>Sample [cite:987602].</p>"
    )
    guide.condition.when_to_get_care = "<p>Sample [cite:987603].</p>"
    guide.condition.save()
    errors = check_for_publishing(Article.objects.for_page().get(pk=guide.pk)).errors
    where = {error.split(" cites ")[1][:13]: error.fix_at for error in errors if " cites " in error}
    assert where["[cite:987601]"] == f"/admin/conditions/cause/{cause.pk}/change/"
    assert where["[cite:987602]"] == "#cause_links-group"
    assert where["[cite:987603]"] == "#id_condition-when_to_get_care"
    assert any(error.startswith("“Details” of cause “Sample cause”") for error in errors)
