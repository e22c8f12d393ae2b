"""Reads with real logic, shared by the admin home page and the review report."""

import unicodedata
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from editing.translation import DEFAULT_LANGUAGE, in_language

from .models import Article, SpanishState


@dataclass
class ReviewDue:
    overdue: list[Article]  # most overdue first
    due_soon: list[Article]
    within_days: int
    overdue_count: int = 0
    due_soon_count: int = 0

    def __bool__(self):
        return bool(self.overdue or self.due_soon)

    @property
    def more(self):
        """Whether the lists were cut short (the admin home shows the first few)."""
        return self.overdue_count > len(self.overdue) or self.due_soon_count > len(self.due_soon)


def pages_due_for_review(today=None, within_days=None, limit=None):
    """Pages overdue for medical review and due soon, most urgent first; `limit` cuts
    each list short (their counts stay whole)."""
    today = today or timezone.localdate()
    within_days = within_days if within_days is not None else settings.CLINIC_REVIEW_WARNING_DAYS
    pages = Article.objects.select_related("reviewer__user", "condition").order_by(
        "next_review_due", "title"
    )
    overdue = pages.review_overdue(today)
    due_soon = pages.review_due_within(within_days, today)
    if limit is None:
        overdue, due_soon = list(overdue), list(due_soon)
        return ReviewDue(overdue, due_soon, within_days, len(overdue), len(due_soon))
    return ReviewDue(
        overdue=list(overdue[:limit]),
        due_soon=list(due_soon[:limit]),
        within_days=within_days,
        overdue_count=overdue.count(),
        due_soon_count=due_soon.count(),
    )


@dataclass
class SpanishAttention:
    """Pages whose Spanish needs a practitioner: out of date (the English changed since
    its review; still public) or withdrawn (reviewed once, now missing Spanish somewhere)."""

    pages: list[Article]
    count: int

    def __bool__(self):
        return bool(self.count)


def spanish_needing_attention(limit=None):
    """Out-of-date and withdrawn Spanish, the longest waiting first."""
    pages = (
        Article.objects.filter(
            Q(spanish_state=SpanishState.OUT_OF_DATE)
            | Q(spanish_state=SpanishState.INCOMPLETE, spanish_reviewed_at__isnull=False)
        )
        .only("title", "condition_id", "spanish_state", "spanish_reviewed_at")
        .order_by("spanish_reviewed_at", "title")
    )
    if limit is None:
        pages = list(pages)
        return SpanishAttention(pages, len(pages))
    return SpanishAttention(list(pages[:limit]), pages.count())


@dataclass
class AToZEntry:
    """A line of the conditions A to Z: a guide under its condition's name, or another name
    for the condition pointing at it ("Charley horse — see Leg Spasms and Cramping")."""

    name: str
    guide: Article
    is_other_name: bool = False

    @property
    def letter(self):
        return sort_key(self.name)[:1].upper()


def guides_a_to_z(guides, language=DEFAULT_LANGUAGE):
    """Every guide under its condition's name and under each of its other names in
    `language`, A to Z."""
    guides = list(guides.prefetch_related("condition__alternative_names"))
    other_names = {
        guide.pk: [
            other.name
            for other in guide.condition.alternative_names.all()
            if other.language == language
        ]
        for guide in guides
    }
    guides = pages_in_language(guides, language)
    entries = [AToZEntry(guide.condition.name, guide) for guide in guides]
    entries += [
        AToZEntry(name, guide, is_other_name=True)
        for guide in guides
        for name in other_names[guide.pk]
    ]
    return sorted(entries, key=lambda entry: (sort_key(entry.name), entry.is_other_name))


def sort_key(name):
    """A to Z as a reader expects it: "Ácido" with the A's, case ignored."""
    return unicodedata.normalize("NFKD", name.casefold()).encode("ascii", "ignore").decode()


def pages_in_language(pages, language):
    """Listed pages read in `language`: each page and its condition."""
    if language == DEFAULT_LANGUAGE:
        return list(pages)
    read = []
    for page in pages:
        condition = in_language(page.condition, language)
        page = in_language(page, language)
        if condition is not None:
            page.condition = condition
        read.append(page)
    return read
