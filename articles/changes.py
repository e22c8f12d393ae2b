"""Which pages show a record, and one signal when any of them changes.

The page object (``pages.build_page``) says what a page shows; this module answers the
reverse: given a symptom, cause, treatment, care advice or red flag, citation, callout,
condition, practitioner or page, which pages show it (``pages_showing``). Every save,
delete or link change of such a record, in any code path that sends Django's model signals
(the admin, services, commands, restores), notes those pages; once the transaction commits,
they are marked changed (one UPDATE, however many pages: their ``last_changed`` moves and
their stored reading grade is cleared) and ``pages_changed`` is sent once for the whole
transaction, naming them all.

Subscribers (a page cache, a search index, "Spanish out of date") connect to
``pages_changed``; they get page ids and ``site_wide`` (the clinic's own details, shown on
every page, changed), never a rebuilt page: a symptom shown on 2,000 guides costs one query
for the ids during the save and one UPDATE after it, and each subscriber decides how lazily
to follow.
"""

import threading

from django.db import transaction
from django.db.models import Q
from django.db.models.signals import m2m_changed, post_save, pre_delete
from django.dispatch import Signal
from django.utils import timezone

from conditions.models import (
    AlternativeName,
    BodyRegion,
    CareAdvice,
    Cause,
    Condition,
    ConditionCause,
    ConditionCitation,
    ConditionSymptom,
    ConditionTreatment,
    RedFlag,
    Symptom,
    Treatment,
)
from references.models import Citation, CitationAuthor
from references.usage import records_citing_in_text

from .models import Article, ArticleCallout, ArticleCitation, Callout, Practitioner

# Sent once per committed transaction: pages=frozenset of Article ids, site_wide=bool.
pages_changed = Signal()
# Sent right after it, with the same arguments, once every pages_changed receiver has run
# (even if one failed): for what must come after the state they derive, such as a page's
# Spanish state (translation_status), i.e. the page cache's change tokens
# (clinic_site/change_tokens.py), so no page is kept from rows read in between.
page_changes_followed = Signal()


def pages_showing(instance):
    """The ids of every page (guide or article, in any state) that shows `instance`."""
    return set(Article.objects.filter(_showing(instance)).values_list("pk", flat=True))


def _showing(instance):
    match instance:
        case Article():
            return Q(pk=instance.pk) | _listing_in_related_reading(instance)
        case Practitioner():
            return Q(author=instance) | Q(reviewer=instance)
        case Callout():
            return Q(callout_links__callout=instance)
        case ArticleCallout() | ArticleCitation():
            return Q(pk=instance.article_id)
        case Condition():
            return Q(condition=instance)
        case BodyRegion():
            return Q(condition__body_region=instance)
        case Symptom():
            return Q(condition__symptom_links__symptom=instance)
        case Cause():
            return Q(condition__cause_links__cause=instance)
        case Treatment():
            return Q(condition__treatment_links__treatment=instance)
        case (
            AlternativeName()
            | ConditionSymptom()
            | ConditionCause()
            | ConditionTreatment()
            | ConditionCitation()
        ):
            return Q(condition=instance.condition_id)
        case CareAdvice() | RedFlag():
            return Q(condition=instance.condition_id)
        case Citation():
            return _citing(instance.pk)
        case CitationAuthor():
            return _citing(instance.citation_id)
    raise TypeError(f"No page shows a {type(instance).__name__}.")


def _listing_in_related_reading(article):
    """Pages whose "Related reading" lists `article` (see ``pages._related_reading``)."""
    query = Q(condition__in=article.related_conditions.all())
    if article.condition_id:
        query |= Q(related_conditions=article.condition_id)
    return query


def _citing(citation_id):
    """Pages that list the citation, show it as a record's evidence, or cite it in any text."""
    query = (
        Q(citation_links__citation=citation_id)
        | Q(condition__citation_links__citation=citation_id)
        | Q(condition__cause_links__citations=citation_id)
        | Q(condition__treatment_links__citations=citation_id)
    )
    for record in records_citing_in_text(citation_id):
        query |= _showing(record)
    return query


# --------------------------------------------------------------------------- the signal


class _Batch:
    """The pages changed in one transaction, sent as one signal when it commits."""

    def __init__(self):
        self.pages = set()
        self.site_wide = False
        self.sent = False

    def send(self):
        self.sent = True
        if self.pages:
            _mark(self.pages)
        changed = {"pages": frozenset(self.pages), "site_wide": self.site_wide}
        try:
            pages_changed.send(sender=Article, **changed)
        finally:
            page_changes_followed.send(sender=Article, **changed)


def _mark(page_ids):
    """Move the pages' last_changed and clear their stored grade, after the change commits.

    Not inside the saving transaction: that one already holds the rows it saves, and taking
    page rows there too could cross another save's locks (a guide and an article that lists
    it, saved at once) and deadlock. Here the rows are taken alone, in id order.
    """
    with transaction.atomic():
        pages = Article.objects.filter(pk__in=page_ids).order_by("pk")
        list(pages.select_for_update().values_list("pk", flat=True))
        pages.update(last_changed=timezone.now(), reading_grade=None)


_local = threading.local()


def _add_to_batch(pages=(), site_wide=False):
    """Add to this transaction's batch, queueing it to send at commit if it is new.

    Outside a transaction Django runs an ``on_commit`` callback at once, so the batch is
    filled before it is queued.
    """
    batch = getattr(_local, "batch", None)
    is_new = batch is None or batch.sent or not _waiting_on_commit(batch)
    if is_new:
        batch = _local.batch = _Batch()
    batch.pages.update(pages)
    batch.site_wide = batch.site_wide or site_wide
    if is_new:
        transaction.on_commit(batch.send)


def _waiting_on_commit(batch):
    """Whether `batch` is still queued to send at commit; a rollback empties the queue.

    Django keeps the queue in ``connection.run_on_commit`` (private, so read only here;
    ``tests/articles/test_changes.py`` fails if an upgrade changes it).
    """
    queue = transaction.get_connection().run_on_commit
    return any(callback == batch.send for _ids, callback, _robust in queue)


def note_pages_changed(page_ids):
    """Note pages changed; once the transaction commits they are marked and signalled."""
    if page_ids:
        _add_to_batch(pages=page_ids)


def note_site_wide_change():
    """The clinic's own details changed: every page shows them."""
    _add_to_batch(site_wide=True)


def _record_saved(sender, instance, raw=False, **kwargs):
    if raw:  # loaddata: related rows may not exist yet
        return
    note_pages_changed(pages_showing(instance))


def _record_deleted(sender, instance, **kwargs):
    # Before the delete, while the links that lead to the pages still exist.
    note_pages_changed(pages_showing(instance))


def _links_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "pre_clear"):
        return
    # Before a clear, the relation still leads to the pages it is about to leave; after an
    # add or remove, the other side's pages change too (citation.cited_by_causes.add(link),
    # or a guide whose related reading gains or loses an article).
    pages = pages_showing(instance)
    for related in model.objects.filter(pk__in=pk_set or []):
        pages |= pages_showing(related)
    note_pages_changed(pages)


TRACKED = [
    Article,
    Practitioner,
    Callout,
    ArticleCallout,
    ArticleCitation,
    Condition,
    AlternativeName,
    BodyRegion,
    Symptom,
    Cause,
    Treatment,
    ConditionSymptom,
    ConditionCause,
    ConditionTreatment,
    ConditionCitation,
    CareAdvice,
    RedFlag,
    Citation,
    CitationAuthor,
]
M2M_THROUGH = [
    ConditionCause.citations.through,
    ConditionTreatment.citations.through,
    Article.related_conditions.through,
]


def connect():
    for model in TRACKED:
        uid = f"pages-changed-{model._meta.label_lower}"
        post_save.connect(_record_saved, sender=model, dispatch_uid=uid)
        pre_delete.connect(_record_deleted, sender=model, dispatch_uid=uid)
    for through in M2M_THROUGH:
        m2m_changed.connect(
            _links_changed,
            sender=through,
            dispatch_uid=f"pages-changed-{through._meta.label_lower}",
        )


__all__ = [
    "note_pages_changed",
    "note_site_wide_change",
    "page_changes_followed",
    "pages_changed",
    "pages_showing",
]
