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

from .models import Article, review_due_after
from .publish_checks import check_for_publishing


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
    checks = check_for_publishing(article)
    if checks.errors:
        raise PublishRefused(checks.errors)
    now = timezone.now()
    at = at or now
    if at > now:
        message = _("Scheduled for %(when)s") % {
            "when": date_format(timezone.localtime(at), "DATETIME_FORMAT")
        }
    else:
        message = _("Published")
    with _recorded(article, by=by, message=message):
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
