"""Where citations are used in text: ``[cite:N]`` markers in other apps' rich text.

The apps above this one hold the text; each registers the fields that may carry markers
(``register_marker_fields`` in its ``AppConfig.ready``), so this app can answer "what cites
this reference" and "what cites nothing" without importing them.
"""

from django.db.models import Q

from editing.translation import column, other_languages, translated_fields

from .numbering import marker_ids, marker_pattern

_marker_fields = {}  # model -> [field names]


def register_marker_fields(model, *field_names):
    """`field_names` of `model` may carry markers, and so may their translations."""
    translations = [
        column(name, language)
        for name in field_names
        if name in translated_fields(model)
        for language in other_languages()
    ]
    _marker_fields.setdefault(model, [])
    _marker_fields[model] += [
        name for name in [*field_names, *translations] if name not in _marker_fields[model]
    ]


def marker_fields():
    return dict(_marker_fields)


def records_citing_in_text(citation_id):
    """Every registered record whose text cites `citation_id`, as a list of instances."""
    pattern = marker_pattern(citation_id)
    found = []
    for model, fields in _marker_fields.items():
        query = Q()
        for name in fields:
            query |= Q(**{f"{name}__regex": pattern})
        found += list(model.objects.filter(query))
    return found


def ids_cited_in_text():
    """The ids of every citation some registered text cites (text is read, not indexed:
    a marker written by any path, even a raw UPDATE, counts)."""
    cited = set()
    for model, fields in _marker_fields.items():
        query = Q()
        for name in fields:
            query |= Q(**{f"{name}__contains": "[cite:"})
        for texts in model.objects.filter(query).values_list(*fields):
            cited.update(marker_ids(" ".join(text or "" for text in texts)))
    return cited
