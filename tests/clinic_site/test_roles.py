from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

from clinic_site.roles import ACTIONS, IN_NO_ROLE, PRACTITIONERS, ROLES, sync_roles

pytestmark = pytest.mark.django_db

CONTENT_PAGES = [
    "/admin/articles/article/",
    "/admin/articles/article/add/",
    "/admin/articles/guide/",
    "/admin/articles/guide/add/",
    "/admin/conditions/condition/",
    "/admin/conditions/symptom/",
    "/admin/references/citation/",
]
CLINIC_PAGES = [
    "/admin/clinic_site/openinghours/",
    "/admin/clinic_site/notice/",
    "/admin/clinic_site/notice/add/",
]
ACCOUNT_PAGES = ["/admin/auth/user/", "/admin/auth/group/"]


def login(client, username, password):
    assert client.login(username=username, password=password)


def test_groups_have_exactly_their_models():
    practitioners = Group.objects.get(name="Practitioners")
    receptionists = Group.objects.get(name="Receptionists")
    assert set(practitioners.permissions.values_list("content_type__app_label", flat=True)) == {
        "articles",
        "conditions",
        "references",
    }
    assert set(receptionists.permissions.values_list("content_type__model", flat=True)) == {
        "clinicprofile",
        "openinghours",
        "notice",
    }
    assert practitioners.permissions.filter(codename="delete_article").exists()
    assert receptionists.permissions.filter(codename="change_clinicprofile").exists()


def test_receptionist_is_refused_every_content_and_account_page(client, demo):
    login(client, "receptionist", "receptionist-demo")
    for url in CONTENT_PAGES + ACCOUNT_PAGES:
        assert client.get(url).status_code == 403, url


def test_receptionist_can_open_the_clinic_pages(client, demo):
    login(client, "receptionist", "receptionist-demo")
    for url in CLINIC_PAGES:
        assert client.get(url).status_code == 200, url
    profile = client.get("/admin/clinic_site/clinicprofile/", follow=True)
    assert profile.status_code == 200
    assert b'name="phone"' in profile.content


def test_practitioner_edits_content_but_not_accounts_or_clinic_details(client, demo):
    login(client, "practitioner", "practitioner-demo")
    for url in CONTENT_PAGES:
        assert client.get(url).status_code == 200, url
    for url in ACCOUNT_PAGES + CLINIC_PAGES:
        assert client.get(url).status_code == 403, url


def test_a_refused_staff_member_sees_the_admin_layout_and_what_their_role_opens(client, demo):
    login(client, "receptionist", "receptionist-demo")
    response = client.get("/admin/articles/guide/")
    assert response.status_code == 403
    html = response.content.decode()
    assert 'id="site-name"' in html  # the admin's own header
    assert "your account cannot open this page" in html
    assert 'href="/admin/clinic_site/notice/"' in html
    assert "/admin/articles/" not in html.split("What your role can open")[1]


def _our_models():
    """Every model of the project's own apps (not Django's or a library's)."""
    ours = [
        config
        for config in apps.get_app_configs()
        if Path(config.path).parent == Path(settings.BASE_DIR)
    ]
    assert {"clinic_site", "articles", "conditions", "references"} <= {c.label for c in ours}
    return [model for config in ours for model in config.get_models()]


def test_every_model_of_ours_is_fully_in_a_role_or_deliberately_in_none():
    granted = {
        (permission.content_type.app_label, permission.codename)
        for role in ROLES
        for permission in Group.objects.get(name=role.group_name).permissions.select_related(
            "content_type"
        )
    }
    uncovered = [
        model._meta.label
        for model in _our_models()
        if model._meta.label_lower not in IN_NO_ROLE
        and not all(
            (model._meta.app_label, f"{action}_{model._meta.model_name}") in granted
            for action in ACTIONS
        )
    ]
    assert uncovered == []


def test_practitioners_can_edit_citation_authors():
    practitioners = Group.objects.get(name="Practitioners")
    for action in ACTIONS:
        assert practitioners.permissions.filter(codename=f"{action}_citationauthor").exists()


def test_practitioners_role_covers_every_model_of_its_apps_including_proxies():
    covered = {model._meta.label_lower for model in PRACTITIONERS.model_classes()}
    assert "references.citationauthor" in covered
    assert covered == {
        model._meta.label_lower
        for label in ("articles", "conditions", "references")
        for model in apps.get_app_config(label).get_models()
    }


def test_sync_puts_back_what_was_removed_and_removes_what_was_added_by_hand():
    practitioners = Group.objects.get(name="Practitioners")
    practitioners.permissions.remove(Permission.objects.get(codename="change_citationauthor"))
    practitioners.permissions.add(Permission.objects.get(codename="change_user"))
    sync_roles()
    assert practitioners.permissions.filter(codename="change_citationauthor").exists()
    assert not practitioners.permissions.filter(codename="change_user").exists()


def test_migrate_syncs_the_roles():
    Group.objects.filter(name="Practitioners").delete()
    call_command("migrate", verbosity=0)
    practitioners = Group.objects.get(name="Practitioners")
    assert practitioners.permissions.filter(codename="delete_citationauthor").exists()


def test_practitioner_can_finish_a_reference_that_needs_checking_authors_included(client, demo):
    from references.models import Citation

    citation = Citation.objects.create(
        title="Sample reference read only in part", needs_checking=True
    )
    login(client, "practitioner", "practitioner-demo")
    url = f"/admin/references/citation/{citation.pk}/change/"
    page = client.get(url).content.decode()
    assert 'name="authors-0-family_name"' in page
    response = client.post(
        url,
        {
            "kind": "journal-article",
            "title": "Sample reference read only in part",
            "authors-TOTAL_FORMS": "1",
            "authors-INITIAL_FORMS": "0",
            "authors-MIN_NUM_FORMS": "0",
            "authors-MAX_NUM_FORMS": "1000",
            "authors-0-family_name": "Sample",
            "authors-0-initials": "AB",
            "authors-0-order": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert citation.author_names == ["Sample AB"]
    citation.refresh_from_db()
    assert not citation.needs_checking
