"""What a page shows, both ways, and the one signal sent when any of it changes."""

from datetime import date

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from articles import changes, search
from articles.changes import pages_changed, pages_showing
from articles.models import Article, ArticleCallout, ArticleCitation, Callout
from articles.pages import build_page, label
from articles.publish_checks import check_for_publishing
from articles.services import reading_grade
from clinic_site.models import ClinicProfile
from conditions.models import (
    AlternativeName,
    BodyRegion,
    Cause,
    ConditionCause,
    ConditionCitation,
    ConditionSymptom,
    RedFlag,
    Symptom,
)
from references.models import Citation, CitationAuthor
from references.numbering import marker_pattern
from tests.factories import (
    add_records,
    make_article,
    make_citation,
    make_condition,
    make_guide,
    make_practitioner,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def received():
    """Every pages_changed signal sent, as (pages, site_wide)."""
    signals = []

    def receiver(sender, pages, site_wide, **kwargs):
        signals.append((set(pages), site_wide))

    pages_changed.connect(receiver)
    yield signals
    pages_changed.disconnect(receiver)


@pytest.fixture
def two_guides_sharing_a_cause():
    shared = Cause.objects.create(name="Sample shared cause", slug="sample-shared-cause")
    guides = []
    for _ in range(2):
        guide = make_guide()
        add_records(guide.condition, 1)
        ConditionCause.objects.create(condition=guide.condition, cause=shared, order=5)
        guides.append(guide)
    return shared, guides


def page_for(guide):
    return build_page(Article.objects.for_page().get(pk=guide.pk), related=[])


def test_the_page_object_names_every_record_it_shows():
    guide = make_guide(author=make_practitioner())
    add_records(guide.condition, 2)
    callout = Callout.objects.create(label="Sample", title="Sample callout", body="<p>x</p>")
    ArticleCallout.objects.create(article=guide, callout=callout)
    shows = page_for(guide).shows
    condition = guide.condition
    expected = {label(guide), label(guide.author), label(condition), label(callout)}
    for links in (condition.symptom_links, condition.cause_links, condition.treatment_links):
        for link in links.all():
            expected |= {label(link), label(link.record)}
    expected |= {label(line) for line in [*condition.care_advice.all(), *condition.red_flags.all()]}
    expected |= {label(link.citation) for link in condition.citation_links.all()}
    assert expected <= shows


@pytest.mark.parametrize(
    "change",
    [
        "symptom",
        "cause",
        "cause_note",
        "citation",
        "citation_author",
        "evidence",
        "callout",
        "condition",
        "alternative_name",
        "body_region",
        "practitioner",
        "marker_in_text",
        "care_advice",
        "new_red_flag",
        "deleted_red_flag",
    ],
)
def test_each_kind_of_record_names_the_pages_that_show_it(change, received, committed):
    region = BodyRegion.objects.create(name="Sample region", slug="sample-region")
    reviewer = make_practitioner()
    guide = make_guide(make_condition(body_region=region), reviewer=reviewer)
    add_records(guide.condition, 1)
    bystander = make_guide()
    add_records(bystander.condition, 1)
    condition = guide.condition
    cause_link = condition.cause_links.get()
    cited_in_text = make_citation()
    callout = Callout.objects.create(label="Sample", title="Sample", body="<p>x</p>")
    ArticleCallout.objects.create(article=guide, callout=callout)
    Article.objects.filter(pk=guide.pk).update(body=f"<p>Sample {cited_in_text.in_text_marker}</p>")

    with committed():
        match change:
            case "symptom":
                symptom = condition.symptom_links.get().symptom
                symptom.name = "Sample renamed symptom"
                symptom.save()
            case "cause":
                cause_link.cause.description = "Sample new description."
                cause_link.cause.save()
            case "cause_note":
                cause_link.note = "<p>Sample new note.</p>"
                cause_link.save()
            case "citation":
                citation = condition.citation_links.get().citation
                citation.title = "Sample new title"
                citation.save()
            case "citation_author":
                citation = cause_link.citations.get()
                CitationAuthor.objects.create(citation=citation, family_name="Sample", order=9)
            case "evidence":
                cause_link.citations.add(make_citation())
            case "callout":
                callout.title = "Sample new callout title"
                callout.save()
            case "condition":
                condition.summary = "Sample new summary."
                condition.save()
            case "alternative_name":
                AlternativeName.objects.create(condition=condition, name="Sample other name")
            case "body_region":
                region.name = "Sample renamed region"
                region.save()
            case "practitioner":
                reviewer.credentials = "DC, sample"
                reviewer.save()
            case "marker_in_text":
                cited_in_text.title = "Sample cited only in the text"
                cited_in_text.save()
            case "care_advice":
                advice = condition.care_advice.get()
                advice.text = "Sample changed advice."
                advice.save()
            case "new_red_flag":
                RedFlag.objects.create(condition=condition, text="a new sample sign")
            case "deleted_red_flag":
                condition.red_flags.get().delete()

    assert received, "no signal"
    pages = set().union(*(pages for pages, _site_wide in received))
    assert guide.pk in pages
    assert bystander.pk not in pages


def test_one_signal_per_transaction_and_none_after_a_rollback(received, committed):
    guide = make_guide()
    add_records(guide.condition, 2)
    with committed(), transaction.atomic():
        for link in guide.condition.symptom_links.all():
            link.note = "Sample changed note."
            link.save()
        guide.title = "Sample changed title"
        guide.save()
    assert received == [({guide.pk}, False)]

    received.clear()
    with committed():
        try:
            with transaction.atomic():
                guide.title = "Rolled back"
                guide.save()
                raise RuntimeError
        except RuntimeError:
            pass
    assert received == []


def test_django_still_keeps_its_on_commit_queue_where_we_read_it():
    # changes._waiting_on_commit reads a private attribute of Django's connection.
    with transaction.atomic():
        batch = changes._Batch()
        assert not changes._waiting_on_commit(batch)
        transaction.on_commit(batch.send)
        assert changes._waiting_on_commit(batch)


def test_clinic_details_change_every_page(received, committed):
    with committed():
        profile = ClinicProfile.load()
        profile.phone = "915-555-0100"
        profile.save()
    assert any(site_wide for _pages, site_wide in received)


@pytest.fixture
def search_index_not_following():
    """Count this module's own queries: the search index's receiver, which writes a few
    changed pages at once, is measured in tests/articles/test_search.py."""
    pages_changed.disconnect(dispatch_uid="search-follows-page-changes")
    yield
    search.connect()


def test_a_shared_record_shown_on_many_pages_costs_the_same_queries_as_on_two(
    two_guides_sharing_a_cause, committed, search_index_not_following
):
    shared, _guides = two_guides_sharing_a_cause
    counts = []
    for more in (0, 20):
        for _ in range(more):
            guide = make_guide()
            ConditionCause.objects.create(condition=guide.condition, cause=shared)
        Article.objects.update(reading_grade=5.0)
        shared.description = f"Sample new description {more}."
        with CaptureQueriesContext(connection) as queries, committed():
            shared.save()
        counts.append(len(queries))
    # The save, the pages' ids, then one locked UPDATE for them all: no page is rebuilt.
    assert counts[0] == counts[1], [query["sql"] for query in queries.captured_queries]
    assert Article.objects.filter(reading_grade__isnull=False).count() == 0


def test_changing_a_shared_record_changes_page_grade_checks_and_downloads_together(
    client, two_guides_sharing_a_cause, received, committed
):
    shared, guides = two_guides_sharing_a_cause
    first = guides[0]
    Article.objects.filter(pk__in=[g.pk for g in guides]).update(
        reviewer=make_practitioner(), last_reviewed=date(2026, 1, 1)
    )
    first.refresh_from_db()
    grade_before = reading_grade(first)
    checks_before = check_for_publishing(first)
    assert any("“Sample shared cause” has no text" in w for w in checks_before.warnings)
    ris_before = client.get(f"/conditions/{first.slug}/references.ris").content.decode()
    previous_change = Article.objects.get(pk=first.pk).last_changed

    long_words = "Extraordinarily complicated physiological considerations notwithstanding "
    evidence = make_citation(title="Sample evidence for the shared cause")
    with committed():
        shared.details = f"<p>{long_words * 6}everything. {evidence.in_text_marker}</p>"
        shared.save()

    pages = set().union(*(pages for pages, _ in received))
    assert {g.pk for g in guides} <= pages
    first = Article.objects.get(pk=first.pk)
    assert first.last_changed > previous_change
    assert first.reading_grade is None  # cleared, to be worked out again
    assert reading_grade(first) > grade_before
    html = client.get(f"/conditions/{first.slug}/").content.decode()
    assert "Extraordinarily complicated" in html
    assert "Sample evidence for the shared cause" in html
    ris = client.get(f"/conditions/{first.slug}/references.ris").content.decode()
    assert "Sample evidence for the shared cause" in ris and ris != ris_before
    checks = check_for_publishing(first)
    assert not any("Sample shared cause" in warning for warning in checks.warnings)
    assert any("Reading grade" in warning for warning in checks.warnings)


def test_a_text_marker_counts_as_a_page_reference(client):
    cited = make_citation(title="Sample cited in text only")
    guide = make_guide(body=f"<p>Sample {cited.in_text_marker}.</p>")
    page = page_for(guide)
    assert page.citations == [cited]
    assert label(cited) in page.shows
    assert pages_showing(cited) == {guide.pk}
    assert (
        "Sample cited in text only"
        in client.get(f"/conditions/{guide.slug}/references.bib").content.decode()
    )


@pytest.mark.parametrize(
    ("text", "matches"),
    [
        ("[cite:7]", True),
        ("[cite: 7 ]", True),
        ("[cite:3,7]", True),
        ("[cite:7, 12]", True),
        ("[cite:17]", False),
        ("[cite:70]", False),
        ("[cite:3,17]", False),
        ("cite:7", False),
    ],
)
def test_marker_pattern_matches_the_same_on_this_database(text, matches):
    article = make_article(body=f"<p>Sample {text}</p>")
    found = Article.objects.filter(pk=article.pk, body__regex=marker_pattern(7)).exists()
    assert found is matches


def test_pages_showing_a_link_row_is_its_conditions_guide():
    guide = make_guide()
    add_records(guide.condition, 1)
    for link in [
        guide.condition.symptom_links.get(),
        guide.condition.cause_links.get(),
        ConditionCitation.objects.filter(condition=guide.condition).get(),
    ]:
        assert pages_showing(link) == {guide.pk}
    article = make_article()
    link = ArticleCitation.objects.create(article=article, citation=make_citation())
    assert pages_showing(link) == {article.pk}


def test_an_article_listed_in_related_reading_changes_the_page_listing_it():
    guide = make_guide()
    article = make_article()
    article.related_conditions.add(guide.condition)
    assert guide.pk in pages_showing(article)


def test_unrelated_models_are_refused():
    with pytest.raises(TypeError):
        pages_showing(ClinicProfile.load())


def test_deleting_a_link_names_the_page_before_the_link_goes(received, committed):
    guide = make_guide()
    link = ConditionSymptom.objects.create(
        condition=guide.condition,
        symptom=Symptom.objects.create(name="Sample symptom", slug="sample-symptom"),
    )
    with committed():
        link.delete()
    assert received and guide.pk in received[0][0]


def test_the_signal_is_not_sent_for_loaddata_saves(received, committed):
    citation = make_citation()
    received.clear()
    with committed():
        citation.save_base(raw=True)
    assert received == []
    assert Citation.objects.filter(pk=citation.pk).exists()
