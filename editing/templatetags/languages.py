from django import template
from django.utils.html import format_html

register = template.Library()


@register.filter
def lang_if_untranslated(record, field_name):
    """` lang="en"` for an element showing `field_name` of a record read with a fallback
    (``editing.translation.in_language``) that still has only the English: screen readers
    then read it with an English voice on a Spanish page."""
    if field_name in getattr(record, "untranslated_fields", ()):
        return format_html(' lang="{}"', "en")
    return ""
