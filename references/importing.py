"""Turn pasted or imported references into Citation records, reusing ones already stored.

Nothing pasted is lost: a reference that could not be read in full is saved with what
was read, its original text, and a "needs checking" flag. A reference already present
(same DOI in any case, same PMID, or for sources with neither, the same title and year)
is reused, not duplicated.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from .models import Citation, CitationAuthor
from .parsing import ParsedReference, parse_references
from .parsing.reference import LOOKS_LIKE_TWO

CITATION_FIELDS = [
    "kind",
    "authors_incomplete",
    "title",
    "container_title",
    "publisher",
    "year",
    "month",
    "day",
    "volume",
    "issue",
    "pages",
    "doi",
    "pmid",
    "pmcid",
    "url",
    "accessed",
]
TITLE_MAX = Citation._meta.get_field("title").max_length
IDENTIFIER_ONLY = {"doi", "pubmed-url", "url"}


@dataclass
class ImportedReference:
    parsed: ParsedReference
    citation: Citation | None = None
    reused: bool = False
    problems: list[str] = field(default_factory=list)  # the parser's and validation's


@dataclass
class ImportResult:
    references: list[ImportedReference]

    @property
    def created(self):
        return [item for item in self.references if not item.reused]

    @property
    def reused(self):
        return [item for item in self.references if item.reused]

    @property
    def incomplete(self):
        return [item for item in self.created if item.problems]

    @property
    def looks_like_two(self):
        """References whose text may hold two run together (the splitter was unsure)."""
        return [item for item in self.references if LOOKS_LIKE_TWO in item.parsed.problems]


def existing_citation(parsed):
    matches = Citation.objects.matching(doi=parsed.doi, pmid=parsed.pmid)
    if not (parsed.doi or parsed.pmid) and parsed.title:
        matches = Citation.objects.filter(
            Q(title__iexact=parsed.title.rstrip(".")), year=parsed.year
        )
    return matches.first()


def _citation_from(parsed):
    """An unsaved, valid Citation: fields that fail validation are left out and noted."""
    values = {name: getattr(parsed, name) for name in CITATION_FIELDS}
    values = {name: value for name, value in values.items() if value not in (None, "")}
    problems = list(parsed.problems)
    if not values.get("title") and parsed.format not in IDENTIFIER_ONLY:
        # Unreadable text: its words are the best title there is until someone checks it.
        values["title"] = " ".join(parsed.original.split())
    # A bare DOI, PMID or link says nothing of the title: leave it empty for the
    # practitioner to fill in, rather than showing an address as the title.
    values["title"] = values.get("title", "")[:TITLE_MAX]
    while True:
        citation = Citation(**values)
        try:
            citation.full_clean(exclude=["original_text"], validate_constraints=False)
        except ValidationError as error:
            invalid = set(error.message_dict) & (set(values) - {"title", "kind"})
            if invalid:
                for name in invalid:
                    label = Citation._meta.get_field(name).verbose_name
                    reason = " ".join(error.message_dict[name])
                    problems.append(f"{label} “{values.pop(name)}” was left out: {reason}")
                continue
            # What is left is missing information: save what was read, flagged for checking.
            problems += [
                message for messages in error.message_dict.values() for message in messages
            ]
        break
    citation.original_text = parsed.original
    citation.needs_checking = parsed.status != "full" or bool(problems)
    return citation, problems


def _identity_keys(parsed):
    """Each way this reference could repeat an earlier one in the same paste."""
    keys = []
    if parsed.doi:
        keys.append(("doi", parsed.doi.lower()))
    if parsed.pmid:
        keys.append(("pmid", parsed.pmid))
    if not keys and parsed.title:
        keys.append(("title", parsed.title.rstrip(".").lower(), parsed.year))
    return keys


def preview_import(text):
    """What importing would do, without saving anything."""
    items = []
    seen = {}
    for parsed in parse_references(text):
        keys = _identity_keys(parsed)
        existing = existing_citation(parsed) or next(
            (seen[key] for key in keys if key in seen), None
        )
        if existing:
            items.append(ImportedReference(parsed, existing, reused=True))
            continue
        citation, problems = _citation_from(parsed)
        for key in keys:
            seen[key] = citation
        items.append(ImportedReference(parsed, citation, problems=problems))
    return ImportResult(items)


@transaction.atomic
def import_references(text):
    """Save every new reference in the text; all of them or, on any error, none."""
    result = preview_import(text)
    for item in result.created:
        item.citation.save()
        CitationAuthor.objects.bulk_create(
            CitationAuthor.from_ama(name, citation=item.citation, order=order)
            for order, name in enumerate(item.parsed.authors)
        )
    return result
