"""Where each page's Spanish stands, kept current by the page object's change signal.

A page is public in Spanish only when every text it shows, its own and that of every record
it shows, is in Spanish, and a practitioner has marked its Spanish reviewed. Reviewing
stores a fingerprint of the English the Spanish was checked against. When the English of
the page or of any record it shows changes afterwards (a shared cause's description, a
condition-specific note), ``pages_changed`` names the page, the fingerprint no longer
matches, and the page is flagged out of date: it stays public with its reviewed Spanish,
and it is listed for a practitioner's attention, as pages due for medical review are.

Only pages with some Spanish are rebuilt here (a Spanish title is the first thing a
translation needs), so the thousands of English-only pages cost nothing on a save.
"""

import hashlib
import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from editing.translation import DEFAULT_LANGUAGE, column

from .changes import note_pages_changed
from .models import Article, SpanishState
from .pages import build_page

logger = logging.getLogger(__name__)

SPANISH = "es"


def english_fingerprint(english_page):
    """A digest of every English word the page shows (its title and other names too)."""
    words = "\n".join(
        [english_page.article.title, *english_page.also_called, str(english_page.source_html)]
    )
    return hashlib.sha256(words.encode()).hexdigest()


def state_of(article, english_page=None, spanish_page=None):
    """(state, Spanish page) of `article` (fetched with ``for_page()``) as it is now."""
    spanish_page = spanish_page or build_page(article, related=[], language=SPANISH)
    if not article.title_es.strip():
        return SpanishState.NONE, spanish_page
    if spanish_page.untranslated:
        return SpanishState.INCOMPLETE, spanish_page
    if not article.spanish_reviewed_english:
        return SpanishState.TO_REVIEW, spanish_page
    english_page = english_page or build_page(article, related=[], language=DEFAULT_LANGUAGE)
    if english_fingerprint(english_page) == article.spanish_reviewed_english:
        return SpanishState.REVIEWED, spanish_page
    return SpanishState.OUT_OF_DATE, spanish_page


def refresh(page_ids):
    """Work out again the Spanish state of these pages, those with any Spanish."""
    articles = (
        Article.objects.for_page()
        .filter(pk__in=page_ids)
        .exclude(title_es="", spanish_state=SpanishState.NONE)
    )
    for article in articles:
        state, _page = state_of(article)
        if state != article.spanish_state:
            # update(), not save(): where the Spanish stands is not a change to the page.
            Article.objects.filter(pk=article.pk).update(spanish_state=state)


def mark_reviewed(article, user):
    """Record that `user` checked the page's Spanish against its English as it is now.

    Refused, with the texts still missing, while any text the page shows lacks Spanish.
    """
    article = Article.objects.for_page().get(pk=article.pk)
    spanish_page = build_page(article, related=[], language=SPANISH)
    if not article.title_es.strip() or spanish_page.untranslated:
        raise ValidationError(
            _("The Spanish cannot be marked reviewed yet: %(missing)s.")
            % {"missing": "; ".join(describe_missing(article, spanish_page)) or _("no title")}
        )
    english_page = build_page(article, related=[], language=DEFAULT_LANGUAGE)
    Article.objects.filter(pk=article.pk).update(
        spanish_state=SpanishState.REVIEWED,
        spanish_reviewed_at=timezone.now(),
        spanish_reviewed_by=user,
        spanish_reviewed_english=english_fingerprint(english_page),
    )
    # The Spanish page is now public: its lists, its English page's language link and the
    # sitemap change, so what follows page changes (the page cache) must hear of it.
    note_pages_changed({article.pk})


def describe_missing(article, spanish_page):
    """Each text the Spanish page still lacks, as a practitioner finds it: “Symptom
    “Calf pain”: description”."""
    return [text for text, _screen in missing_with_screens(article, spanish_page)]


# Written on the guide's own screen (the page, its condition and the condition's lists);
# anything else has a screen of its own.
ON_THE_GUIDE_SCREEN = {
    "articles.article",
    "conditions.condition",
    "conditions.conditionsymptom",
    "conditions.conditioncause",
    "conditions.conditiontreatment",
    "conditions.careadvice",
    "conditions.redflag",
}


def missing_with_screens(article, spanish_page):
    """(what is missing, the admin screen to write it on or None for this one)."""
    missing = []
    if not article.title_es.strip():
        missing.append((_("The page's title"), None))
    for record, field_name in spanish_page.untranslated:
        meta = type(record)._meta
        field_label = meta.get_field(column(field_name, SPANISH)).verbose_name
        text = f"{meta.verbose_name.capitalize()} “{record}”: {field_label}"
        screen = None
        if meta.label_lower not in ON_THE_GUIDE_SCREEN:
            try:
                screen = reverse(
                    f"admin:{meta.app_label}_{meta.model_name}_change", args=[record.pk]
                )
            except NoReverseMatch:
                screen = None
        missing.append((text, screen))
    return missing


def follow_page_changes(sender, pages, site_wide=False, **kwargs):
    """``pages_changed`` receiver. A failure is logged, never raised: the save that sent
    the signal has committed and must not look failed to the practitioner."""
    if not pages:
        return
    try:
        with transaction.atomic():
            refresh(pages)
    except Exception:
        logger.exception("Spanish state not refreshed for pages %s", sorted(pages))


def connect():
    from .changes import pages_changed

    pages_changed.connect(follow_page_changes, dispatch_uid="spanish-follows-page-changes")
