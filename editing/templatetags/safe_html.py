"""Filters that let a template show stored links and rich text without trusting them."""

from django import template
from django.utils.safestring import mark_safe

from ..links import linkable
from ..richtext import RichTextField

register = template.Library()

_rich_text = RichTextField()


@register.filter
def safe_url(address):
    """The address if a browser would open it as a web page, a call or an email, else "".

    Use it in every ``href`` that shows a stored address::

        {% with href=notice.link|safe_url %}
          {% if href %}<a href="{{ href }}">…</a>{% endif %}
        {% endwith %}
    """
    return linkable(address)


@register.filter
def rich_text(html):
    """Rich text cleaned by the rich-text field's sanitiser (memoised), marked safe."""
    return mark_safe(_rich_text.clean_html(html) or "")  # cleaned just above
