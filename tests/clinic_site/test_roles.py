import pytest
from django.contrib.auth.models import Group

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
