"""Rendering rich text with numbered citations; the page's CitationNumbering keeps count.

Django renders a template top to bottom, so numbers follow the order patients read in.
"""

from django import template

register = template.Library()


@register.filter
def cite(html, numbering):
    """Rich text with its ``[cite:N]`` markers as numbered links to the reference list."""
    return numbering.cite(html)


@register.simple_tag
def cite_sources(citations, numbering):
    """Superscript numbers for the sources a record cites (evidence on a cause, say)."""
    return numbering.superscript(citation.pk for citation in citations)
