import re

import pytest
from django.test import Client
from reversion.models import Version

from articles.models import Article
from conditions.models import Symptom
from tests.admin_forms import form_data

pytestmark = pytest.mark.django_db


def login(username):
    client = Client()
    assert client.login(username=username, password=f"{username}-demo")
    return client


@pytest.fixture
def pain(demo):
    return Symptom.objects.get(slug="pain")


def change_url(obj):
    return f"/admin/{obj._meta.app_label}/{obj._meta.model_name}/{obj.pk}/change/"


def test_second_of_two_simultaneous_saves_is_refused_showing_the_first_change(pain):
    first, second = login("practitioner"), login("practitioner")
    first_form = form_data(first, change_url(pain))
    second_form = form_data(second, change_url(pain))

    first_form["description"] = "Sample text saved first."
    assert first.post(change_url(pain), first_form).status_code == 302

    second_form["description"] = "Sample text saved second."
    response = second.post(change_url(pain), second_form)
    html = response.content.decode()
    assert response.status_code == 200
    assert "while you were editing it" in html
    assert "Sample text saved first." in html  # what the other person changed
    assert 'value="Sample text saved second."' in html  # their own input is kept
    pain.refresh_from_db()
    assert pain.description == "Sample text saved first."


def test_saving_again_after_the_conflict_message_keeps_the_second_persons_text(pain):
    first, second = login("practitioner"), login("practitioner")
    second_form = form_data(second, change_url(pain))
    first_form = form_data(first, change_url(pain))
    first_form["description"] = "Sample text saved first."
    first.post(change_url(pain), first_form)
    second_form["description"] = "Sample text saved second."
    refused = second.post(change_url(pain), second_form).content.decode()
    token = re.search(r'name="edit_token" value="([^"]+)"', refused).group(1)
    second_form["edit_token"] = token
    assert second.post(change_url(pain), second_form).status_code == 302
    pain.refresh_from_db()
    assert pain.description == "Sample text saved second."


def test_every_save_keeps_a_version_with_who_saved_it(pain):
    client = login("practitioner")
    data = form_data(client, change_url(pain))
    data["description"] = "Sample text one."
    client.post(change_url(pain), data)
    latest = Version.objects.get_for_object(pain).first()
    assert latest.revision.user.username == "practitioner"
    assert latest.field_dict["description"] == "Sample text one."


def test_two_versions_compare_field_by_field_with_rich_text_as_text(demo):
    client = login("practitioner")
    article = Article.objects.get(
        slug="pelvic-and-lower-extremity-imbalances-can-lead-to-scoliosis"
    )
    url = change_url(article)
    data = form_data(client, url)
    data["body"] = "<p>Sample <strong>replacement</strong> text.</p>"
    data["_continue"] = "1"
    assert client.post(url, data).status_code == 302
    newer, older = Version.objects.get_for_object(article)[:2]
    html = client.get(
        f"/admin/articles/article/{article.pk}/history/compare/?from={older.pk}&to={newer.pk}"
    ).content.decode()
    assert "Body" in html
    assert "Sample replacement text." in html
    assert "<strong>replacement" not in html


def test_restoring_an_old_version_saves_it_as_a_new_version(pain):
    client = login("practitioner")
    original = Version.objects.get_for_object(pain).first()
    data = form_data(client, change_url(pain))
    data["description"] = "Sample text to undo."
    client.post(change_url(pain), data)
    revert_url = f"/admin/conditions/symptom/{pain.pk}/history/{original.pk}/"
    restore_form = form_data(client, revert_url)
    assert client.post(revert_url, restore_form).status_code == 302
    pain.refresh_from_db()
    assert pain.description == ""
    assert Version.objects.get_for_object(pain).count() == 3


def test_deleted_record_can_be_recovered(demo):
    client = Client()
    client.login(username="admin", password="admin-demo")
    symptom = Symptom.objects.create(name="Sample unused symptom", slug="sample-unused")
    response = client.post(f"/admin/conditions/symptom/{symptom.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Symptom.objects.filter(slug="sample-unused").exists()
    recover_list = client.get("/admin/conditions/symptom/recover/").content.decode()
    assert "Sample unused symptom" in recover_list
    version = Version.objects.get_deleted(Symptom).get(object_repr="Sample unused symptom")
    recover_url = f"/admin/conditions/symptom/recover/{version.pk}/"
    assert client.post(recover_url, form_data(client, recover_url)).status_code == 302
    assert Symptom.objects.filter(slug="sample-unused").exists()


def test_deleting_a_record_in_use_says_where_it_is_used(pain):
    client = Client()
    client.login(username="admin", password="admin-demo")
    html = client.get(f"/admin/conditions/symptom/{pain.pk}/delete/").content.decode()
    assert "Leg Spasms and Cramping" in html
    assert "Thoracic Upper Back Pain" in html
    client.post(f"/admin/conditions/symptom/{pain.pk}/delete/", {"post": "yes"})
    assert Symptom.objects.filter(pk=pain.pk).exists()


def test_preview_shows_a_draft_to_staff_only_and_is_never_cached(demo, client):
    article = Article.objects.get(slug="leg-spasms-and-cramping")
    Article.objects.filter(pk=article.pk).update(status=Article.Status.DRAFT)
    url = f"/articles/preview/{article.pk}/"
    anonymous = client.get(url)
    assert anonymous.status_code == 302 and "/admin/login/" in anonymous["Location"]
    staff = login("practitioner").get(url)
    assert staff.status_code == 200
    assert "Preview" in staff.content.decode()
    assert "no-cache" in staff["Cache-Control"] and "private" in staff["Cache-Control"]
    assert client.get("/conditions/leg-spasms-and-cramping/").status_code == 404


def test_conflict_on_a_record_that_had_no_version_yet_is_refused_not_crashed(demo):
    symptom = Symptom.objects.create(name="Sample new symptom", slug="sample-new-symptom")
    first, second = login("practitioner"), login("practitioner")
    first_form = form_data(first, change_url(symptom))
    second_form = form_data(second, change_url(symptom))
    assert second_form["edit_token"] == "none"
    first_form["description"] = "Sample text saved first."
    assert first.post(change_url(symptom), first_form).status_code == 302
    second_form["description"] = "Sample text saved second."
    response = second.post(change_url(symptom), second_form)
    assert response.status_code == 200
    assert "while you were editing it" in response.content.decode()


def test_a_token_naming_another_records_version_is_not_used_for_the_comparison(pain):
    client = login("practitioner")
    other = Version.objects.get_for_object(Symptom.objects.get(slug="soreness")).first()
    data = form_data(client, change_url(pain))
    data["edit_token"] = str(other.pk)
    data["description"] = "Sample text."
    html = client.post(change_url(pain), data).content.decode()
    assert "while you were editing it" in html
    assert "They changed" not in html


def test_receptionist_can_neither_preview_nor_compare(demo):
    client = login("receptionist")
    article = Article.objects.first()
    assert client.get(f"/articles/preview/{article.pk}/").status_code == 403
    versions = Version.objects.get_for_object(article)
    version = versions[0].pk
    url = f"/admin/articles/article/{article.pk}/history/compare/?from={version}&to={version}"
    assert client.get(url).status_code == 403


def test_a_save_to_an_address_that_is_not_an_id_is_not_an_error(demo):
    client = login("practitioner")
    response = client.post("/admin/conditions/symptom/not-a-number/change/", {"edit_token": "1"})
    assert response.status_code == 302  # Django's "does not exist" message, then the list


def test_a_save_without_an_edit_token_is_checked_like_one_made_from_no_version(pain):
    client = login("practitioner")
    data = form_data(client, change_url(pain))
    del data["edit_token"]
    data["description"] = "Sample text from a hand-made request."
    response = client.post(change_url(pain), data)
    assert response.status_code == 200
    assert "while you were editing it" in response.content.decode()
    pain.refresh_from_db()
    assert pain.description != "Sample text from a hand-made request."
