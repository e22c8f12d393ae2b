"""Practitioners write guides, now a model of their own in the admin (a proxy of Article)."""

import importlib

from django.db import migrations

roles = importlib.import_module("clinic_site.migrations.0002_roles")


def grant_guides(apps, schema_editor):
    roles.grant(apps, roles.PRACTITIONERS, {"articles": ["guide"]})


class Migration(migrations.Migration):
    dependencies = [
        ("clinic_site", "0002_roles"),
        ("articles", "0005_guides"),
    ]

    operations = [migrations.RunPython(grant_guides, migrations.RunPython.noop)]
