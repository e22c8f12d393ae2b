"""Reads with real logic, shared by the admin home page and the review report."""

import unicodedata
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from conditions.models import AlternativeName
from editing.translation import DEFAULT_LANGUAGE, column, in_language

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
    pages = (
        Article.objects.select_related("reviewer__user")
        # What the lists show (title, kind, date, reviewer) and the reviewer's address.
        .only(
            "title",
            "condition",
            "next_review_due",
            "reviewer__name",
            "reviewer__credentials",
            "reviewer__user__email",
        )
        .order_by("next_review_due", "title")
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
        return letter_of(self.name)


# Up to this many names, the A to Z is one page; past it, each letter is a page of its own,
# so no page of it grows with the site (2,000 guides make about 110 names a letter).
A_TO_Z_ON_ONE_PAGE = 100


@dataclass
class AToZ:
    letters: list[str]  # every letter with a name under it, in order
    entries: list[AToZEntry]  # the names shown, A to Z
    letter: str | None = None  # the one letter shown; None: every letter, on one page

    @property
    def letter_pages(self):
        """Whether each letter is a page of its own (``?letter=b``), not a part of one."""
        return self.letter is not None


class NoSuchLetter(LookupError):
    pass


def guides_a_to_z(guides, language=DEFAULT_LANGUAGE, letter=None):
    """The A to Z of `guides`, a queryset of published guides: each under its condition's
    name and each of its other names in `language`.

    While there are at most ``A_TO_Z_ON_ONE_PAGE`` names, every letter is shown; past it,
    one letter: `letter`, or the first. A `letter` with no name under it raises
    ``NoSuchLetter``. Reads every name (two short columns), then the cards of the guides
    shown only, so its cost follows the names of one letter, not the whole site.
    """
    names = [
        (name, pk, False)
        for pk, name in guides.order_by().values_list("pk", column("condition__name", language))
    ]
    names += [
        (name, pk, True)
        for pk, name in AlternativeName.objects.filter(
            condition__guide__in=guides, language=language
        ).values_list("condition__guide", "name")
    ]
    names.sort(key=lambda line: (sort_key(line[0]), line[2]))
    letters = list(dict.fromkeys(letter_of(name) for name, _pk, _other in names))
    if letter is not None:
        letter = letter.upper()
        if letter not in letters:
            raise NoSuchLetter(letter)
    elif len(names) > A_TO_Z_ON_ONE_PAGE:
        letter = letters[0]
    if letter is not None:
        names = [line for line in names if letter_of(line[0]) == letter]
    shown = guides.filter(pk__in={pk for _name, pk, _other in names}).order_by()
    cards = {page.pk: page for page in pages_in_language(shown, language)}
    entries = [AToZEntry(name, cards[pk], is_other_name=other) for name, pk, other in names]
    return AToZ(letters, entries, letter)


def letter_of(name):
    """The letter a name is filed under: "Ácido" under A; "5th toe" under #."""
    first = sort_key(name)[:1].upper()
    return first if first.isalpha() else "#"


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
