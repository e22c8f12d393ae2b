"""Our own django-prose-editor extensions, registered in settings.

django-prose-editor's "configurable" preset loads the JavaScript of every extension named
in ``DJANGO_PROSE_EDITOR_EXTENSIONS`` that a field enables, and its sanitiser asks each
extension which HTML it may produce. This module is read by settings, before Django is set
up, so it imports only what is safe then.
"""

from django.templatetags.static import static
from django.utils.functional import lazy
from django_prose_editor.config import html_tags

# Resolved when a page is rendered, so the static files storage (hashed names) is ready.
static_lazy = lazy(static, str)

PROSE_EDITOR_EXTENSIONS = [
    {
        # The toolbar's "Cite" control (static/editing/cite.js) inserts a plain-text
        # marker such as [cite:12]: it adds no HTML, so the sanitiser allows nothing more.
        "js": [static_lazy("editing/cite.js")],
        "extensions": {"Cite": html_tags([])},
    },
]
