"""The one rich-text field every app uses, so editor and sanitiser always agree.

It lives in `editing`, beside the other shared editing tools, so every app can use it.
"""

from django_prose_editor.fields import ProseEditorField

RICH_TEXT_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": ["https", "http", "mailto", "tel"]},
    # Searches references and inserts a [cite:N] marker (editing/extensions.py).
    "Cite": True,
}


class RichTextField(ProseEditorField):
    """A prose-editor field whose HTML is cleaned by nh3 on every save, not only in forms.

    Forms clean through ``ProseEditorField.clean``; ``pre_save`` covers everything else
    (management commands, imports, the shell), so no unsanitised HTML reaches a page.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("extensions", RICH_TEXT_EXTENSIONS)
        kwargs["sanitize"] = True
        super().__init__(*args, **kwargs)

    def pre_save(self, model_instance, add):
        value = self.sanitize(getattr(model_instance, self.attname) or "")
        setattr(model_instance, self.attname, value)
        return value
