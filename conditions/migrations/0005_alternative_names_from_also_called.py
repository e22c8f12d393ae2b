"""Each comma-separated name in ``Condition.also_called`` becomes an AlternativeName row.

Reversible: going back joins the rows again with ", " (the old field's format).
"""

from django.db import migrations


def names_from_also_called(also_called):
    """The names in the old field, in order, without blanks or repeats (in any case)."""
    names = {}
    for name in also_called.split(","):
        name = name.strip()[:200]
        if name:
            names.setdefault(name.casefold(), name)
    return list(names.values())


def split_also_called(apps, schema_editor):
    Condition = apps.get_model("conditions", "Condition")
    AlternativeName = apps.get_model("conditions", "AlternativeName")
    rows = []
    for condition in Condition.objects.exclude(also_called=""):
        names = names_from_also_called(condition.also_called)
        rows += [
            AlternativeName(condition=condition, name=name, order=order)
            for order, name in enumerate(names)
        ]
    AlternativeName.objects.bulk_create(rows)


def join_into_also_called(apps, schema_editor):
    Condition = apps.get_model("conditions", "Condition")
    for condition in Condition.objects.prefetch_related("alternative_names"):
        names = [row.name for row in condition.alternative_names.order_by("order", "pk")]
        condition.also_called = ", ".join(names)[:300]
        condition.save(update_fields=["also_called"])


class Migration(migrations.Migration):
    dependencies = [("conditions", "0004_alternative_names")]

    operations = [migrations.RunPython(split_also_called, join_into_also_called)]
