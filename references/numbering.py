"""Numbered in-text citations: ``[cite:12]`` in rich text becomes a superscript 1, 2, 3…

Numbers follow the order of first use on the page; a source cited twice keeps its number.
References the text never cites follow, numbered on, in the page's own order. The marker
is plain text, so the editor and the sanitiser keep it as typed.
"""

import re
from dataclasses import dataclass, field

from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

MARKER = re.compile(r"\[cite:\s*(\d+(?:\s*,\s*\d+)*)\s*\]")


def marker_pattern(citation_id):
    """A regular expression, the same in SQLite (Python's re) and PostgreSQL, matching a
    marker that names `citation_id`, alone or in a list (``[cite:3, 7]``)."""
    return rf"\[cite:([^]]*[^0-9])?{int(citation_id)}([^0-9][^]]*)?\]"


def marker_ids(html):
    """Every citation id named by a marker, in order of appearance, repeats included."""
    return [int(part) for match in MARKER.finditer(html or "") for part in match[1].split(",")]


@dataclass
class NumberedReference:
    number: int
    citation: object
    uses: list[str] = field(default_factory=list)  # ids of the superscripts citing it


class CitationNumbering:
    def __init__(self, listed, known=()):
        """`listed`: the page's references in order; `known`: other citations markers name."""
        self._listed = list(listed)
        self._by_id = {citation.pk: citation for citation in [*known, *self._listed]}
        self._numbered = {}  # citation id -> NumberedReference, in order of first use
        self.unknown_ids = []

    def _use(self, citation_id):
        reference = self._numbered.get(citation_id)
        if reference is None:
            reference = NumberedReference(len(self._numbered) + 1, self._by_id[citation_id])
            self._numbered[citation_id] = reference
        anchor = f"cite-{reference.number}-{len(reference.uses) + 1}"
        reference.uses.append(anchor)
        return reference, anchor

    def superscript(self, citation_ids):
        links = []
        for citation_id in citation_ids:
            if citation_id not in self._by_id:
                self.unknown_ids.append(citation_id)
                continue
            reference, anchor = self._use(citation_id)
            links.append((reference.number, anchor))
        if not links:
            return ""
        return format_html(
            '<sup class="cite">[{}]</sup>',
            format_html_join(
                ",", '<a href="#ref-{}" id="{}">{}</a>', ((n, a, n) for n, a in links)
            ),
        )

    def cite(self, html):
        """The rich text with its markers turned into numbered links."""

        def replace(match):
            return str(self.superscript(int(part) for part in match[1].split(",")))

        return mark_safe(MARKER.sub(replace, html or ""))  # rich text is sanitised on save

    def references(self):
        """The reference list: cited in text first, by number, then the rest of the page's."""
        ordered = list(self._numbered.values())
        for citation in self._listed:
            if citation.pk not in self._numbered:
                ordered.append(NumberedReference(len(ordered) + 1, citation))
        return ordered
