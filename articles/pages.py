"""One page object per guide or article: built once from records, read by everyone.

``build_page(article)`` reads the records a page shows in a fixed number of queries and
returns plain data: the sections in reading order, each record with what is particular to
this condition, and the reference list numbered once, in order of first use. The template
renders it and computes nothing; readability, publish checks and the RIS/BibTeX downloads
read the same object, so what they judge is what patients see.

``Page.shows`` names every record the page shows (``("conditions.symptom", 7)``), so a
change to any of them can be traced to the page (see ``articles/changes.py``).
"""

import threading
from collections import OrderedDict
from dataclasses import dataclass, field, replace
from operator import itemgetter

from django.db.models import F, Value
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from conditions.models import (
    AlternativeName,
    CareAdvice,
    Condition,
    ConditionCause,
    ConditionCitation,
    ConditionSymptom,
    ConditionTreatment,
    RedFlag,
)
from editing.translation import DEFAULT_LANGUAGE, column, in_language
from references.models import Citation
from references.numbering import CitationNumbering, NumberedReference, marker_ids

from .models import Article, ArticleCallout, ArticleCitation


def label(instance):
    """How a page names a record it shows: its model label and primary key."""
    return (instance._meta.label_lower, instance.pk)


@dataclass
class Entry:
    """A symptom, cause or treatment as one condition's page shows it."""

    record: object
    description: str = ""
    details: SafeString = ""  # rich text, citations numbered
    note: SafeString | str = ""  # this condition's note: plain text for symptoms
    evidence: SafeString = ""  # superscripts for the sources this link cites

    @property
    def name(self):
        return self.record.name

    @property
    def has_text(self):
        return bool(self.description or self.details or self.note)


@dataclass
class CareCard:
    """One level of care, said in words: a card patients cannot miss (NHS care-card style).

    `level` is a ``Condition.Urgency`` value; the card's heading is that level's label
    ("Urgent: get care today"), so what a practitioner chooses is what patients read.
    """

    level: str
    heading: str
    intro: SafeString = ""
    advice: list[str] = field(default_factory=list)
    red_flags: list[str] = field(default_factory=list)  # each completes "Call 911 if …"

    @property
    def is_emergency(self):
        return self.level == Condition.Urgency.EMERGENCY


@dataclass
class EntryRun:
    """Neighbouring entries that all have text (each a headed record) or all have none."""

    with_text: bool
    entries: list[Entry]


@dataclass
class Section:
    """A headed part of the page; ``key`` is its anchor (``#symptoms``)."""

    key: str
    heading: str
    intro: SafeString = ""
    entries: list[Entry] = field(default_factory=list)
    cards: list[CareCard] = field(default_factory=list)  # "When to get care" only

    @property
    def runs(self):
        """The entries in order, grouped so a record with no text is a list item, never a
        heading with nothing under it."""
        runs = []
        for entry in self.entries:
            if runs and runs[-1].with_text == entry.has_text:
                runs[-1].entries.append(entry)
            else:
                runs.append(EntryRun(entry.has_text, [entry]))
        return runs


@dataclass
class CalloutBox:
    pk: int
    label: str
    title: str
    body: SafeString


@dataclass
class Page:
    article: Article
    body: SafeString
    sections: list[Section]
    callouts: list[CalloutBox]
    related: list[Article]
    references: list[NumberedReference]
    unknown_citation_ids: list[int]
    texts: list  # every rich text shown, as Text, in reading order
    shows: frozenset
    source_html: str  # the page's words in reading order, as HTML
    also_called: list[str] = field(default_factory=list)  # the condition's other names
    language: str = DEFAULT_LANGUAGE
    # (record, field name) of every text the page shows that has English but not yet
    # this page's language: a page is public in Spanish only when this is empty.
    untranslated: list = field(default_factory=list)
    # Parts of its HTML rendered from it alone, kept with it (articles/templatetags/
    # page_parts.py); a copy made by replace() shares them.
    parts: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def condition(self):
        return self.article.condition

    def part(self, key, make):
        """What ``make()`` gives, kept with this page under `key`, which must name
        everything ``make`` reads besides the page (a part rendered for one site address
        names that address)."""
        value = self.parts.get(key)
        if value is None:
            value = self.parts[key] = make()
        return value

    @property
    def citations(self):
        """The sources in the reference list, in its numbered order."""
        return [reference.citation for reference in self.references]


def build_page(article, *, related=None, language=DEFAULT_LANGUAGE):
    """The page for `article` (fetched with ``Article.objects.for_page()``) in `language`.

    `related` overrides the related-reading list (the RIS/BibTeX downloads and the admin's
    checks do not need it, and skip its query). In Spanish every record is read through
    its Spanish columns (``editing.translation.in_language``) and every text still
    missing its Spanish is listed in ``Page.untranslated``; the queries are the same.
    """
    with override(language):
        return _build_page(article, related, _Reader(language))


class _Reader:
    """Reads records in one language and notes what is missing in it."""

    def __init__(self, language):
        self.language = language
        self.untranslated = []

    def __call__(self, instance):
        if instance is None or self.language == DEFAULT_LANGUAGE:
            return instance
        localized = in_language(instance, self.language)
        # The copy already names what it lacks; the record itself is what a practitioner fixes.
        self.untranslated += [(instance, name) for name in localized.untranslated_fields]
        return localized


def _read_article(article, read):
    """The page's own row, its condition and its people, read in the page's language."""
    original = article
    article = read(article)
    condition = read(original.condition)
    if condition is not None:
        condition.body_region = read(original.condition.body_region)
        article.condition = condition
    article.author = read(original.author)
    article.reviewer = read(original.reviewer)
    return article


def _build_page(article, related, read):
    language = read.language
    article = _read_article(article, read)
    condition = article.condition
    shows = {label(article)}
    for person in (article.author, article.reviewer):
        if person is not None:
            shows.add(label(person))

    symptom_links, cause_links, treatment_links, care_lines, other_names = [], [], [], [], []
    if condition is not None:
        shows.add(label(condition))
        if condition.body_region_id:
            shows.add(label(condition.body_region))
        symptom_links = _read_links(
            read, ConditionSymptom.objects.filter(condition=condition).select_related("symptom")
        )
        cause_links = _read_links(
            read, ConditionCause.objects.filter(condition=condition).select_related("cause")
        )
        treatment_links = _read_links(
            read,
            ConditionTreatment.objects.filter(condition=condition).select_related("treatment"),
        )
        for link in [*symptom_links, *cause_links, *treatment_links]:
            shows.update({label(link), label(link.record)})
        lines = _condition_lines(condition, read)
        shows.update((model._meta.label_lower, pk) for model, pk, _text in lines)
        care_lines = [line for line in lines if line[0] in CARE_LINE_MODELS]
        other_names = [text for model, _pk, text in lines if model is AlternativeName]
    callout_links = list(ArticleCallout.objects.filter(article=article).select_related("callout"))
    for link in callout_links:
        shows.update({label(link), label(link.callout)})
        link.callout = read(link.callout)
    uses = _citation_uses(article)

    texts = _texts_in_reading_order(article, symptom_links, cause_links, treatment_links, language)
    texts += [
        Text(link.callout.body, link.callout, column("body", language)) for link in callout_links
    ]
    cited_ids = {citation_id for _source, _link, citation_id, _order in uses}
    named_ids = set(marker_ids("".join(text.html for text in texts)))
    citations = Citation.objects.with_authors().in_bulk(cited_ids | named_ids)
    shows.update(label(citation) for citation in citations.values())

    listed = _listed_in_page_order(uses, citations)
    evidence = {}
    for source, link_id, citation_id, _order in sorted(uses, key=itemgetter(3, 1)):
        if source in ("cause", "treatment"):
            evidence.setdefault((source, link_id), []).append(citation_id)
    numbering = CitationNumbering(listed, citations.values())

    # Numbers are given in the order patients read, so build in exactly that order.
    body = numbering.cite(article.body)
    sections = []
    if condition is not None:
        sections = _condition_sections(
            condition, numbering, symptom_links, cause_links, treatment_links, evidence, care_lines
        )
    callouts = [
        CalloutBox(
            link.callout.pk,
            link.callout.label,
            link.callout.title,
            numbering.cite(link.callout.body),
        )
        for link in callout_links
    ]
    if related is None:
        related = [in_language(page, language) for page in _related_reading(article, language)]
    shows.update(label(page) for page in related)
    return Page(
        article=article,
        body=body,
        sections=sections,
        callouts=callouts,
        related=related,
        references=numbering.references(),
        unknown_citation_ids=sorted(set(numbering.unknown_ids)),
        texts=texts,
        shows=frozenset(shows),
        source_html=_source_html(article, body, sections, callouts),
        also_called=other_names,
        language=language,
        untranslated=read.untranslated,
    )


# --------------------------------------------------------------------------- pages read


def page_to_read(article, language=DEFAULT_LANGUAGE):
    """The page for `article` (fetched with ``Article.objects.for_page()``) as a visitor
    reads it now: what ``build_page`` gives, without building it again while nothing it
    shows has changed.

    Each worker keeps the pages it built last by (page, ``last_changed``, language).
    ``last_changed`` moves when the page or any record it shows changes (``changes.py``,
    the same signal the page cache and the search index follow), so a kept page is never
    older than its records. The page's own row is the one given (`article`, read by the
    caller), and its related reading lists other pages as the clock and their Spanish
    allow at this request (a scheduled page goes live by itself): from the candidates
    kept with an English page (``RelatedCandidates``), else read now.
    """
    key = (article.pk, article.last_changed, language)
    kept = _built_pages.get(key)
    if kept is None:
        candidates = RelatedCandidates.of(article) if language == DEFAULT_LANGUAGE else None
        kept = (build_page(article, related=[], language=language), candidates)
        _built_pages.put(key, kept)
    built, candidates = kept
    own = _read_article(article, _Reader(language))
    if candidates is not None:
        related = candidates.live(timezone.now())
    else:
        related = [in_language(page, language) for page in _related_reading(own, language)]
    return replace(
        built,
        article=own,
        related=related,
        shows=built.shows | {label(page) for page in related},
    )


class _BuiltPages:
    """The pages a worker built last, most recent last; shared by its threads."""

    def __init__(self, size):
        self.size = size
        self.pages = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            page = self.pages.get(key)
            if page is not None:
                self.pages.move_to_end(key)
            return page

    def put(self, key, page):
        with self.lock:
            # An older version of the same page in the same language is never asked again.
            for old in [old for old in self.pages if old[::2] == key[::2] and old != key]:
                del self.pages[old]
            self.pages[key] = page
            while len(self.pages) > self.size:
                self.pages.popitem(last=False)

    def clear(self):
        with self.lock:
            self.pages.clear()


# About 100 kB each in memory: a worker keeps its most read pages, not the whole site (the
# page cache, shared by every worker, keeps whole responses).
BUILT_PAGES_PER_WORKER = 100
_built_pages = _BuiltPages(BUILT_PAGES_PER_WORKER)


def forget_built_pages():
    """Drop this worker's kept pages (tests; never needed for correctness)."""
    _built_pages.clear()


def _read_links(read, links):
    """Each link and the record it links to, read in the page's language."""
    read_links = []
    for link in links:
        record = read(link.record)
        link = read(link)
        setattr(link, link.linked_field, record)
        read_links.append(link)
    return read_links


def _citation_uses(article):
    """(source, link id, citation id, order) for every source the page's records list.

    One query: the page's own list, the condition's and each cause's and treatment's
    evidence, as one UNION.
    """
    page_uses = (
        ArticleCitation.objects.filter(article=article)
        .order_by()  # a UNION's parts may not be ordered (SQLite)
        .values_list(Value("page"), "pk", "citation_id", "order")
    )
    condition_id = article.condition_id
    if condition_id is None:
        return list(page_uses)
    evidence = []
    for source, link_model in (("cause", ConditionCause), ("treatment", ConditionTreatment)):
        through = link_model.citations.through
        link_column = f"{link_model._meta.model_name}_id"
        evidence.append(
            through.objects.filter(**{f"{link_model._meta.model_name}__condition_id": condition_id})
            .annotate(link=F(link_column))
            .order_by()
            .values_list(Value(source), "link", "citation_id", "pk")
        )
    condition_uses = (
        ConditionCitation.objects.filter(condition_id=condition_id)
        .order_by()
        .values_list(Value("condition"), "pk", "citation_id", "order")
    )
    return list(condition_uses.union(*evidence, page_uses, all=True))


SOURCE_ORDER = {"condition": 0, "cause": 1, "treatment": 2, "page": 3}


def _listed_in_page_order(uses, citations):
    """The condition's sources, then its records' evidence, then the page's own; each once."""
    ordered = sorted(uses, key=lambda use: (SOURCE_ORDER[use[0]], use[3], use[1]))
    listed = {}
    for _source, _link, citation_id, _order in ordered:
        listed.setdefault(citation_id, citations[citation_id])
    return list(listed.values())


@dataclass(frozen=True)
class Text:
    """A piece of rich text the page shows, and where it is written: `owner`'s `field`."""

    html: str
    owner: object
    field: str


def _texts_in_reading_order(article, symptom_links, cause_links, treatment_links, language):
    def text(owner, name):
        # Named by the column that holds it, so a problem links to the field to fix.
        return Text(getattr(owner, name), owner, column(name, language))

    texts = [text(article, "body")]
    if condition := article.condition:
        for name in ("symptoms_intro", "when_to_get_care", "causes_intro"):
            texts.append(text(condition, name))
        for link in cause_links:
            texts += [text(link.cause, "details"), text(link, "note")]
        texts.append(text(condition, "treatments_intro"))
        for link in treatment_links:
            texts += [text(link.treatment, "details"), text(link, "note")]
    return [text for text in texts if text.html]


def _condition_lines(condition, read):
    """(model, id, text) of the condition's care advice, red flags and other names, each
    list in order, in the page's language.

    One query for the three lists (a UNION), so a guide stays within its query budget.
    Care lines are translations (``text_es``); other names are each language's own list.
    """
    language = read.language
    parts = []
    for rank, model in enumerate(CONDITION_LINE_MODELS):
        lines = model.objects.filter(condition=condition)
        if model is AlternativeName:
            lines = lines.filter(language=language).values_list(
                Value(rank), "order", "pk", "name", "name"
            )
        else:
            lines = lines.values_list(Value(rank), "order", "pk", "text", column("text", language))
        parts.append(lines.order_by())  # a UNION's parts may not be ordered (SQLite)
    rows = sorted(parts[0].union(*parts[1:], all=True), key=itemgetter(0, 1, 2))
    result = []
    for rank, _order, pk, english, text in rows:
        model = CONDITION_LINE_MODELS[rank]
        if english.strip() and not text.strip():
            read.untranslated.append((model(pk=pk, condition=condition, text=english), "text"))
        result.append((model, pk, text))
    return result


CARE_LINE_MODELS = (CareAdvice, RedFlag)
CONDITION_LINE_MODELS = (CareAdvice, RedFlag, AlternativeName)


def _care_cards(condition, intro, care_lines):
    """The condition's own level of care as one card, and its red flags as an emergency card.

    A condition whose own level is "emergency" says "Call 911" once: its red flags join
    that card.
    """
    advice = [text for model, _pk, text in care_lines if model is CareAdvice]
    red_flags = [text for model, _pk, text in care_lines if model is RedFlag]
    level = Condition.Urgency(condition.care_urgency)
    emergency = Condition.Urgency.EMERGENCY
    if level == emergency:
        return [CareCard(level.value, level.label, intro, advice, red_flags)]
    cards = []
    if intro or advice:
        cards.append(CareCard(level.value, level.label, intro, advice))
    if red_flags:
        cards.append(CareCard(emergency.value, emergency.label, red_flags=red_flags))
    return cards


def _condition_sections(
    condition, numbering, symptom_links, cause_links, treatment_links, evidence, care_lines
):
    """The condition's sections, in reading order; a section with nothing in it is left out."""

    def entries(links, source):
        return [
            Entry(
                record=link.record,
                description=link.record.description,
                details=numbering.cite(link.record.details),
                note=numbering.cite(link.note),
                evidence=numbering.superscript(evidence.get((source, link.pk), [])),
            )
            for link in links
        ]

    sections = []
    if symptom_links or condition.symptoms_intro:
        sections.append(
            Section(
                "symptoms",
                _("Symptoms"),
                numbering.cite(condition.symptoms_intro),
                [
                    Entry(record=link.symptom, description=link.symptom.description, note=link.note)
                    for link in symptom_links
                ],
            )
        )
    if condition.when_to_get_care or care_lines:
        intro = numbering.cite(condition.when_to_get_care)
        sections.append(
            Section(
                "get-care",
                _("When to get care"),
                intro,
                cards=_care_cards(condition, intro, care_lines),
            )
        )
    if cause_links:
        intro = numbering.cite(condition.causes_intro)
        sections.append(Section("causes", _("Causes"), intro, entries(cause_links, "cause")))
    if treatment_links:
        intro = numbering.cite(condition.treatments_intro)
        sections.append(
            Section("treatments", _("Treatment"), intro, entries(treatment_links, "treatment"))
        )
    return sections


def _source_html(article, body, sections, callouts):
    """The page's visible words as HTML, in reading order: what readability and checks read.

    Citation numbers are in it as superscripts, which hold no words, so they change no score.
    """
    parts = [f"<p>{escape(article.teaser)}</p>", body]
    for section in sections:
        parts.append(f"<h2>{escape(section.heading)}</h2>{section.intro}")
        for card in section.cards:
            parts.append(_plain_list(card.advice))
            if card.red_flags:
                parts.append(f"<p>{escape(_('Call 911 if:'))}</p>{_plain_list(card.red_flags)}")
        for entry in section.entries:
            if section.key == "symptoms":
                text = entry.note or entry.description
                parts.append(f"<p>{escape(entry.name)}. {escape(text)}</p>")
            else:
                parts.append(
                    f"<h3>{escape(entry.name)}</h3><p>{escape(entry.description)}</p>"
                    f"{entry.details}{entry.note}"
                )
    for box in callouts:
        parts.append(f"<h2>{escape(box.title)}</h2>{box.body}")
    return mark_safe("".join(part for part in parts if part))


def _plain_list(lines):
    return "<ul>" + "".join(f"<li>{escape(line)}</li>" for line in lines) + "</ul>" if lines else ""


RELATED_SHOWN = 6


def _related_reading(article, language):
    return _relatable(article, Article.objects.published().in_language(language))[:RELATED_SHOWN]


def _relatable(article, pages):
    """Those of `pages` that `article`'s related reading lists: pages about its condition,
    or, for an article, the guides of the conditions it relates to; newest first."""
    pages = pages.exclude(pk=article.pk)
    if article.condition_id:
        pages = pages.filter(related_conditions=article.condition_id)
    else:
        pages = pages.filter(condition__in=article.related_conditions.all())
    fields = ("title", "title_es", "slug", "slug_es", "condition_id", "published_at")
    return pages.only(*fields).order_by("-published_at", "title")


# Pages a kept page's related reading may list (RelatedCandidates), at most.
RELATED_KEPT = 30


@dataclass(frozen=True)
class RelatedCandidates:
    """What an English page's related reading may list, kept with the page: the pages it
    would list that are published or scheduled, newest first. Which of them are live is
    the clock's to say at each request (a scheduled page goes live by itself); anything
    else about them (title, address, state, relation) is a change to this page
    (``changes.py``), so the page is built again.

    Scheduled pages sort first (their time is later), so reading up to ``RELATED_KEPT``
    holds all of them whenever it also holds ``RELATED_SHOWN`` live ones; otherwise the list
    is cut short and not kept (``None``). Spanish related reading depends on other pages'
    Spanish state, which changes without that signal, so it is read at every request.
    """

    pages: tuple

    @classmethod
    def of(cls, article):
        """The candidates, or None when reading ``RELATED_KEPT`` of them cut them short."""
        published = Article.objects.filter(status=Article.Status.PUBLISHED)
        pages = list(_relatable(article, published)[:RELATED_KEPT])
        live = sum(page.published_at <= timezone.now() for page in pages)
        if len(pages) == RELATED_KEPT and live < RELATED_SHOWN:
            return None
        return cls(tuple(pages))

    def live(self, now):
        return [page for page in self.pages if page.published_at <= now][:RELATED_SHOWN]
