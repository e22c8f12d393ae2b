from datetime import date, timedelta

import pytest
from django.contrib.admin.models import LogEntry
from django.utils import timezone
from reversion.models import Version

from articles import services
from articles.models import Article, ArticleCitation
from tests.factories import add_records, make_article, make_citation, make_guide, make_practitioner

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user("editor", is_staff=True)


@pytest.fixture
def ready_guide():
    """A draft guide that passes every blocking publish check."""
    reviewer = make_practitioner()
    guide = make_guide(published=False, reviewer=reviewer, last_reviewed=date(2026, 3, 12))
    add_records(guide.condition, 1)
    return Article.objects.for_page().get(pk=guide.pk)


def test_draft_becomes_published_and_public(ready_guide, editor):
    services.publish(ready_guide, by=editor)
    assert ready_guide.state == Article.State.PUBLISHED
    assert Article.objects.published().filter(pk=ready_guide.pk).exists()


def test_future_time_schedules_and_the_clock_publishes(ready_guide, editor):
    services.publish(ready_guide, by=editor, at=timezone.now() + timedelta(hours=2))
    assert ready_guide.state == Article.State.SCHEDULED
    assert not Article.objects.published().filter(pk=ready_guide.pk).exists()
    # Two hours later, with no job having run, the same query finds it.
    Article.objects.filter(pk=ready_guide.pk).update(
        published_at=timezone.now() - timedelta(seconds=1)
    )
    assert Article.objects.published().filter(pk=ready_guide.pk).exists()


def test_published_page_can_be_unpublished_and_published_again(ready_guide, editor):
    services.publish(ready_guide, by=editor)
    services.unpublish(ready_guide, by=editor)
    assert ready_guide.state == Article.State.UNPUBLISHED
    assert not Article.objects.published().exists()
    services.publish(ready_guide, by=editor)
    assert Article.objects.published().get() == ready_guide


def test_scheduled_page_can_be_unpublished_before_it_goes_live(ready_guide, editor):
    services.publish(ready_guide, by=editor, at=timezone.now() + timedelta(days=1))
    services.unpublish(ready_guide, by=editor)
    Article.objects.update(published_at=timezone.now() - timedelta(days=1))
    assert not Article.objects.published().exists()


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"reviewer": None}, "Choose a reviewer"),
        ({"last_reviewed": None}, "date of the last medical review"),
    ],
)
def test_publishing_is_refused_with_the_reason(ready_guide, editor, change, reason):
    for name, value in change.items():
        setattr(ready_guide, name, value)
    with pytest.raises(services.PublishRefused) as refused:
        services.publish(ready_guide, by=editor)
    assert any(reason in problem for problem in refused.value.problems)
    ready_guide.refresh_from_db()
    assert ready_guide.state == Article.State.DRAFT


def test_guide_without_references_is_refused(editor):
    guide = make_guide(published=False, reviewer=make_practitioner(), last_reviewed=date.today())
    with pytest.raises(services.PublishRefused) as refused:
        services.publish(guide, by=editor)
    assert refused.value.problems == ["Add at least one reference: a guide must show its evidence."]


def test_image_without_alt_text_is_refused(ready_guide, editor):
    ready_guide.hero_image = "articles/photo.png"
    with pytest.raises(services.PublishRefused) as refused:
        services.publish(ready_guide, by=editor)
    assert any("alt text" in problem for problem in refused.value.problems)


def test_article_without_references_publishes_with_a_warning(editor):
    article = make_article(
        published=False, reviewer=make_practitioner(), last_reviewed=date.today()
    )
    warnings = services.publish(article, by=editor)
    assert "This article cites no references." in warnings


def test_warnings_name_mojibake_insecure_links_and_references_without_identifiers(
    ready_guide, editor
):
    ArticleCitation.objects.create(
        article=ready_guide, citation=make_citation(title="No identifiers", doi="")
    )
    ready_guide = Article.objects.for_page().get(pk=ready_guide.pk)
    ready_guide.body = '<p>Sample text it\ufffd??s here. <a href="http://example.org">x</a></p>'
    warnings = services.publish(ready_guide, by=editor)
    assert any("Broken characters" in warning for warning in warnings)
    assert any("http://example.org" in warning for warning in warnings)
    assert any("No identifiers" in warning for warning in warnings)


def test_publish_and_unpublish_are_in_the_admin_log_and_the_history(ready_guide, editor):
    services.publish(ready_guide, by=editor)
    services.unpublish(ready_guide, by=editor)
    messages = [entry.get_change_message() for entry in LogEntry.objects.order_by("pk")]
    assert messages == ["Published", "Unpublished"]
    assert {entry.user for entry in LogEntry.objects.all()} == {editor}
    comments = [v.revision.comment for v in Version.objects.get_for_object(ready_guide)]
    assert comments == ["Unpublished", "Published"]


def test_marking_reviewed_sets_the_next_review_twelve_months_on(ready_guide, editor):
    services.mark_reviewed(ready_guide, by=editor, on=date(2026, 3, 12))
    assert ready_guide.next_review_due == date(2027, 3, 12)


def test_next_review_defaults_from_the_last_review_and_the_site_setting(settings):
    settings.CLINIC_REVIEW_INTERVAL_MONTHS = 6
    article = make_article(last_reviewed=date(2026, 8, 31))
    assert article.next_review_due == date(2027, 2, 28)


def test_a_record_with_no_text_is_warned_about_once(ready_guide, editor):
    from conditions.models import Cause, ConditionCause

    ConditionCause.objects.create(
        condition=ready_guide.condition,
        cause=Cause.objects.create(name="Sample empty cause", slug="sample-empty-cause"),
        order=9,
    )
    guide = Article.objects.for_page().get(pk=ready_guide.pk)
    warnings = services.publish(guide, by=editor)
    assert sum("Sample empty cause" in warning for warning in warnings) == 1


def test_a_live_page_whose_publish_time_is_cleared_stays_live(ready_guide, editor):
    services.publish(ready_guide, by=editor)
    ready_guide.published_at = None
    ready_guide.save()
    assert Article.objects.published().filter(pk=ready_guide.pk).exists()
