"""Links that can only lead to a web page (or a phone call or an email), never run script.

A ``javascript:`` or ``data:`` address in a link runs when a patient taps it. Browsers
forgive a lot before they read a link's scheme: they drop leading and trailing spaces and
control characters, delete tabs and line breaks anywhere, and ignore letter case, so
``" JaVa\\tScRiPt:alert(1)"`` is still ``javascript:``. ``link_scheme`` reads an address
the same way, and both the model field and the template filter decide by it.
"""

import re

from django.core import validators
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

WEB_SCHEMES = ("https", "http")
# Every scheme a public page may link to: web pages, a phone call, an email.
LINKABLE_SCHEMES = (*WEB_SCHEMES, "mailto", "tel")

WEB_ADDRESS_MESSAGE = _("Enter a web address starting with https:// (or http://).")

_SURROUNDING = re.compile(r"^[\x00-\x20]+|[\x00-\x20]+$")
_TABS_AND_NEWLINES = re.compile(r"[\t\n\r]")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")


def normalised_address(address):
    """The address as a browser's URL parser sees it before it reads the scheme."""
    return _TABS_AND_NEWLINES.sub("", _SURROUNDING.sub("", address))


def link_scheme(address):
    """The scheme a browser would follow for ``address``, lower case; "" for none."""
    match = _SCHEME.match(normalised_address(address))
    return match[1].lower() if match else ""


def linkable(address, schemes=LINKABLE_SCHEMES):
    """The normalised address if a browser would follow it with one of ``schemes``, else ""."""
    if not address or link_scheme(str(address)) not in schemes:
        return ""
    return normalised_address(str(address))


def web_address_constraint(model_name, field_name):
    """A database check that ``field_name`` is empty or starts with ``https:``/``http:``.

    The last line of defence: it also stops writes that never reach the field's Python
    code (an ``update()`` with an SQL expression, raw SQL, another program).
    """
    field = models.Q(**{f"{field_name}__istartswith": "https:"}) | models.Q(
        **{f"{field_name}__istartswith": "http:"}
    )
    return models.CheckConstraint(
        condition=models.Q(**{field_name: ""}) | field,
        name=f"{model_name}_{field_name}_is_web_address",
        violation_error_message=WEB_ADDRESS_MESSAGE,
    )


def keep_only_web_addresses(app_label, model_name, field_name):
    """A migration step, run before ``web_address_constraint`` is added: an address saved
    before the rule (``ftp://…``, a stray space) is tidied, or blanked and named, so the
    upgrade cannot stop halfway on old data."""

    def forwards(apps, schema_editor):
        model = apps.get_model(app_label, model_name)
        rows = model._base_manager.exclude(**{field_name: ""})
        for pk, address in rows.values_list("pk", field_name):
            kept = linkable(address, schemes=("https", "http"))
            if kept != address:
                if not kept:
                    print(
                        f"  {model_name} {pk}: {field_name} {address!r} is no web address; cleared"
                    )
                model._base_manager.filter(pk=pk).update(**{field_name: kept})

    return forwards


class WebAddressField(models.URLField):
    """A URL field that holds only ``https:``/``http:`` addresses, whatever saves it.

    Forms refuse another scheme with a message (the validator). Every other ORM write
    (``save()``, ``update()``, ``bulk_update()``, ``bulk_create()``, fixtures, restores)
    goes through ``get_db_prep_save``, which stores the address as a browser reads it
    (spaces, tabs and line breaks dropped) and raises ``ValidationError`` for any other
    scheme, so nothing is written. Pair it with ``web_address_constraint`` in the
    model's ``Meta.constraints`` for writes that bypass Python.
    """

    default_error_messages = {"scheme": WEB_ADDRESS_MESSAGE}
    default_validators = [validators.URLValidator(schemes=WEB_SCHEMES, message=WEB_ADDRESS_MESSAGE)]

    def formfield(self, **kwargs):
        # The form's own URL check speaks first; let it say what we accept.
        return super().formfield(**{"error_messages": {"invalid": WEB_ADDRESS_MESSAGE}} | kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        return normalised_address(value) if value else value

    def get_db_prep_save(self, value, connection):
        if isinstance(value, str) and value:
            if link_scheme(value) not in WEB_SCHEMES:
                raise ValidationError(
                    self.error_messages["scheme"], code="scheme", params={"value": value}
                )
            value = normalised_address(value)
        return super().get_db_prep_save(value, connection)
