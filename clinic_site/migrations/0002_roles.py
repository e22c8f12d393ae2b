"""Create the two staff roles, as they were when this migration was written.

Superseded: the roles are now defined in ``clinic_site/roles.py`` and synced after every
migrate (a post_migrate receiver), which also covers models added later. This migration
is kept, unchanged in effect, because databases have applied it; do not extend it.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PRACTITIONERS = "Practitioners"
RECEPTIONISTS = "Receptionists"

PRACTITIONER_MODELS = {
    "references": ["citation"],
    "conditions": [
        "bodyregion",
        "symptom",
        "cause",
        "treatment",
        "condition",
        "conditionsymptom",
        "conditioncause",
        "conditiontreatment",
        "conditioncitation",
    ],
    "articles": [
        "practitioner",
        "callout",
        "article",
        "articlecitation",
        "articlecallout",
    ],
}
RECEPTIONIST_MODELS = {"clinic_site": ["clinicprofile", "openinghours", "notice"]}
ACTIONS = ["view", "add", "change", "delete"]


def grant(apps, group_name, models_by_app):
    # Permissions are normally made after migrations finish; make them now so a fresh
    # database gets complete groups in a single migrate.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=group_name)
    for app_label, model_names in models_by_app.items():
        codenames = [f"{action}_{model}" for model in model_names for action in ACTIONS]
        permissions = Permission.objects.filter(
            content_type__app_label=app_label, codename__in=codenames
        )
        missing = set(codenames) - set(permissions.values_list("codename", flat=True))
        if missing:
            raise RuntimeError(f"Permissions not found for {app_label}: {sorted(missing)}")
        group.permissions.add(*permissions)


def create_roles(apps, schema_editor):
    grant(apps, PRACTITIONERS, PRACTITIONER_MODELS)
    grant(apps, RECEPTIONISTS, RECEPTIONIST_MODELS)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(
        name__in=[PRACTITIONERS, RECEPTIONISTS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("clinic_site", "0001_initial"),
        ("articles", "0001_initial"),
        ("conditions", "0001_initial"),
        ("references", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
