"""The staff roles, defined here and synced to their groups after every ``migrate``.

A role names whole apps, not a list of models, so a model added to one of those apps
(a new record, a proxy such as a "Guide" of articles) is in the role at the next migrate
without anyone remembering to add it. ``tests/clinic_site/test_roles.py`` fails when a
model of ours is in no role and not listed in ``IN_NO_ROLE``.

The groups are what this module says: permissions added to them by hand in the admin are
removed at the next sync. Superusers have everything and need no role.
"""

from dataclasses import dataclass

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions

ACTIONS = ("view", "add", "change", "delete")


@dataclass(frozen=True)
class Role:
    group_name: str
    app_labels: tuple[str, ...] = ()  # every model of these apps
    models: tuple[str, ...] = ()  # and these, as "app_label.modelname"

    def model_classes(self, apps=global_apps):
        found = [model for label in self.app_labels for model in _models_of(apps, label)]
        found += [apps.get_model(name) for name in self.models]
        return found


PRACTITIONERS = Role(
    "Practitioners",
    # Every content record: pages, people, callouts, clinical records, references and
    # their authors, and the ordered links between them.
    app_labels=("articles", "conditions", "references"),
)
RECEPTIONISTS = Role(
    "Receptionists",
    models=("clinic_site.clinicprofile", "clinic_site.openinghours", "clinic_site.notice"),
)
ROLES = (PRACTITIONERS, RECEPTIONISTS)

# Models of ours that no role may edit, and why. Everything else must be in a role.
IN_NO_ROLE = {}


def _models_of(apps, app_label):
    # Proxy models count (their permissions are their own); m2m tables made by Django do not.
    return list(apps.get_app_config(app_label).get_models())


def role_permissions(role, apps=global_apps, using="default"):
    """The exact permissions a role's group should hold."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    model_classes = role.model_classes(apps)
    content_types = ContentType.objects.db_manager(using).get_for_models(
        *model_classes, for_concrete_models=False
    )
    codenames = {
        f"{action}_{model._meta.model_name}" for model in model_classes for action in ACTIONS
    }
    permissions = Permission.objects.using(using).filter(
        content_type__in=content_types.values(), codename__in=codenames
    )
    found = {
        f"{permission.content_type.app_label}.{permission.codename}"
        for permission in permissions.select_related("content_type")
    }
    wanted = {
        f"{model._meta.app_label}.{action}_{model._meta.model_name}"
        for model in model_classes
        for action in ACTIONS
    }
    if missing := wanted - found:
        raise RuntimeError(f"Permissions not found for the role {role.group_name}: {missing}")
    return permissions


def sync_roles(apps=global_apps, using="default"):
    """Make each role's group hold exactly its permissions; create the group if needed."""
    Group = apps.get_model("auth", "Group")
    # Permissions are normally made per app as post_migrate reaches it; make them now, so
    # the sync does not depend on the order of INSTALLED_APPS.
    for label in {label for role in ROLES for label in _app_labels(role)}:
        create_permissions(apps.get_app_config(label), verbosity=0, using=using, apps=apps)
    for role in ROLES:
        group, _created = Group.objects.using(using).get_or_create(name=role.group_name)
        group.permissions.set(role_permissions(role, apps, using))


def _app_labels(role):
    return {*role.app_labels, *(name.split(".")[0] for name in role.models)}


def sync_roles_after_migrate(sender, using="default", **kwargs):
    """post_migrate receiver (connected in ClinicSiteConfig.ready)."""
    sync_roles(using=using)
