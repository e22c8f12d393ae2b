"""One page object per guide or article: built once from records, read by everyone.

``build_page(article)`` reads the records a page shows in a fixed number of queries and
returns plain data: the sections in reading order, each record with what is particular to
this condition, and the reference list numbered once, in order of first use. The template
renders it and computes nothing; readability, publish checks and the RIS/BibTeX downloads
read the same object, so what they judge is what patients see.

``Page.shows`` names every record the page shows (``("conditions.symptom", 7)``), so a
change to any of them can be traced to the page (see ``articles/changes.py``).
"""

from dataclasses import dataclass, field
from operator import itemgetter

from django.db.models import F, Value
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

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

    @property
    def condition(self):
        return self.article.condition

    @property
    def citations(self):
        """The sources in the reference list, in its numbered order."""
        return [reference.citation for reference in self.references]


def build_page(article, *, related=None):
    """The page for `article` (fetched with ``Article.objects.for_page()``).

    `related` overrides the related-reading list (the RIS/BibTeX downloads and the admin's
    checks do not need it, and skip its query).
    """
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
        symptom_links = list(
            ConditionSymptom.objects.filter(condition=condition).select_related("symptom")
        )
        cause_links = list(
            ConditionCause.objects.filter(condition=condition).select_related("cause")
        )
        treatment_links = list(
            ConditionTreatment.objects.filter(condition=condition).select_related("treatment")
        )
        for link in [*symptom_links, *cause_links, *treatment_links]:
            shows.update({label(link), label(link.record)})
        lines = _condition_lines(condition)
        shows.update((model._meta.label_lower, pk) for model, pk, _text in lines)
        care_lines = [line for line in lines if line[0] in CARE_LINE_MODELS]
        other_names = [text for model, _pk, text in lines if model is AlternativeName]
    callout_links = list(ArticleCallout.objects.filter(article=article).select_related("callout"))
    for link in callout_links:
        shows.update({label(link), label(link.callout)})
    uses = _citation_uses(article)

    texts = _texts_in_reading_order(article, symptom_links, cause_links, treatment_links)
    texts += [Text(link.callout.body, link.callout, "body") for link in callout_links]
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
        related = list(_related_reading(article))
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
    )


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


def _texts_in_reading_order(article, symptom_links, cause_links, treatment_links):
    texts = [Text(article.body, article, "body")]
    if condition := article.condition:
        for field in ("symptoms_intro", "when_to_get_care", "causes_intro"):
            texts.append(Text(getattr(condition, field), condition, field))
        for link in cause_links:
            texts += [
                Text(link.cause.details, link.cause, "details"),
                Text(link.note, link, "note"),
            ]
        texts.append(Text(condition.treatments_intro, condition, "treatments_intro"))
        for link in treatment_links:
            texts += [
                Text(link.treatment.details, link.treatment, "details"),
                Text(link.note, link, "note"),
            ]
    return [text for text in texts if text.html]


def _condition_lines(condition):
    """(model, id, text) of the condition's care advice, red flags and other names, each
    list in order.

    One query for the three lists (a UNION), so a guide stays within its query budget.
    """
    parts = [
        model.objects.filter(condition=condition)
        .order_by()  # a UNION's parts may not be ordered (SQLite)
        .values_list(Value(rank), "order", "pk", text_field)
        for rank, (model, text_field) in enumerate(CONDITION_LINE_MODELS)
    ]
    rows = sorted(parts[0].union(*parts[1:], all=True), key=itemgetter(0, 1, 2))
    return [(CONDITION_LINE_MODELS[rank][0], pk, text) for rank, _order, pk, text in rows]


CARE_LINE_MODELS = (CareAdvice, RedFlag)
CONDITION_LINE_MODELS = ((CareAdvice, "text"), (RedFlag, "text"), (AlternativeName, "name"))


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


def _related_reading(article):
    related = Article.objects.published().exclude(pk=article.pk)
    if article.condition_id:
        related = related.filter(related_conditions=article.condition_id)
    else:
        related = related.filter(condition__in=article.related_conditions.all())
    return related.only("title", "slug", "condition_id", "published_at")[:6]
