"""Reads with real logic, shared by the admin home page and the review report."""

from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

from .models import Article


@dataclass
class ReviewDue:
    overdue: list[Article]
    due_soon: list[Article]
    within_days: int

    def __bool__(self):
        return bool(self.overdue or self.due_soon)


def pages_due_for_review(today=None, within_days=None):
    today = today or timezone.localdate()
    within_days = within_days if within_days is not None else settings.CLINIC_REVIEW_WARNING_DAYS
    pages = Article.objects.select_related("reviewer__user", "condition").order_by(
        "next_review_due", "title"
    )
    return ReviewDue(
        overdue=list(pages.review_overdue(today)),
        due_soon=list(pages.review_due_within(within_days, today)),
        within_days=within_days,
    )
