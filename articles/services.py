"""Writes with rules: publishing, unpublishing and reviews. Views and the admin call these.

Each one records who did it and when, twice over: a version in the page's history
(django-reversion) and an entry in the admin's log.
"""

from contextlib import contextmanager

import reversion
from django.contrib.admin.models import CHANGE, LogEntry
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from editing.concurrency import lock

from .models import Article, review_due_after
from .pages import build_page
from .publish_checks import check_for_publishing
from .readability import readability, visible_text


class PublishRefused(Exception):
    def __init__(self, problems):
        self.problems = problems
        super().__init__("; ".join(problems))


@contextmanager
def _recorded(article, *, by, message):
    with transaction.atomic(), reversion.create_revision():
        reversion.set_user(by)
        reversion.set_comment(message)
        yield
        LogEntry.objects.log_actions(
            by.pk,
            Article.objects.filter(pk=article.pk),
            CHANGE,
            change_message=message,
            single_object=True,
        )


def publish(article, *, by, at=None):
    """Publish now, or at `at` (a scheduled page goes live by itself: queries read the clock).

    Refused with the reasons when the page fails a blocking publish check. Returns the
    checks' warnings, which do not block.
    """
    now = timezone.now()
    at = at or now
    if at > now:
        message = _("Scheduled for %(when)s") % {
            "when": date_format(timezone.localtime(at), "DATETIME_FORMAT")
        }
    else:
        message = _("Published")
    with _recorded(article, by=by, message=message):
        # Checked inside the transaction that publishes, holding the page's row and its
        # condition's (locked in the order the edit screens lock them: editing/admin.py),
        # so no save can change what was checked before it goes live.
        lock([article, article.condition])
        checks = check_for_publishing(article)
        if checks.errors:
            raise PublishRefused(checks.errors)
        article.status = Article.Status.PUBLISHED
        article.published_at = at
        article.save()
    return checks.warnings


def unpublish(article, *, by):
    with _recorded(article, by=by, message=_("Unpublished")):
        article.status = Article.Status.UNPUBLISHED
        article.save()


def mark_reviewed(article, *, by, on=None):
    """A practitioner has checked the page's medical content today (or `on`)."""
    on = on or timezone.localdate()
    message = _("Reviewed on %(date)s") % {"date": date_format(on)}
    with _recorded(article, by=by, message=message):
        article.last_reviewed = on
        article.next_review_due = review_due_after(on)
        article.save()


def reading_grade(article, page=None):
    """The page's Flesch-Kincaid grade as patients see it, stored until the page or a
    record it shows changes (``changes`` clears it); worked out from `page` if given."""
    if article.reading_grade is None and article.pk is not None:
        page = page or build_page(Article.objects.for_page().get(pk=article.pk), related=[])
        scores = readability(visible_text(page.source_html))
        if scores is not None:
            article.reading_grade = scores.grade
            # update(), not save(): working out a score is not a change to the page.
            Article.objects.filter(pk=article.pk).update(reading_grade=scores.grade)
    return article.reading_grade
