"""No lost edits under any timing: saves at the same instant, and "save again" afterwards.

The simultaneous case fires two real requests from two threads released together, each
with its own database connection, against whichever database the suite runs on (CI runs
it on SQLite and on PostgreSQL).
"""

import threading

import pytest
from django.test import Client

from articles.models import Guide
from clinic_site.demo.loader import load_demo
from tests.admin_forms import form_data, form_data_from_html

GUIDE_SLUG = "leg-spasms-and-cramping"
TRIALS = 50
REFUSED = "while you were editing it"


def practitioner():
    client = Client()
    assert client.login(username="practitioner", password="practitioner-demo")
    return client


def guide_url(guide):
    return f"/admin/articles/guide/{guide.pk}/change/"


@pytest.fixture
def guide(transactional_db):
    from tests.browser.conftest import _restore_staff_roles

    _restore_staff_roles()  # transactional_db empties the tables the roles migration filled
    load_demo(with_logins=True)
    return Guide.objects.get(slug=GUIDE_SLUG)


def post_together(requests):
    """Send each (client, url, data) from its own thread, all released at one instant."""
    barrier = threading.Barrier(len(requests))
    responses = [None] * len(requests)

    def send(index, client, url, data):
        from django.db import connection

        try:
            barrier.wait()
            responses[index] = client.post(url, data)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=send, args=(index, *request))
        for index, request in enumerate(requests)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return responses


def test_two_saves_at_the_same_instant_never_lose_one(guide):
    first, second = practitioner(), practitioner()
    url = guide_url(guide)
    lost, outcomes = [], []
    for trial in range(TRIALS):
        first_form, second_form = form_data(first, url), form_data(second, url)
        first_form["condition-name"] = f"Sample name {trial}"
        second_form["summary"] = f"Sample summary {trial}."
        responses = post_together([(first, url, first_form), (second, url, second_form)])
        codes = sorted(response.status_code for response in responses)
        outcomes.append(codes)
        assert 500 not in codes, trial
        guide.refresh_from_db()
        guide.condition.refresh_from_db()
        saved_first = guide.condition.name == f"Sample name {trial}"
        saved_second = guide.summary == f"Sample summary {trial}."
        if codes == [302, 302] or not (saved_first or saved_second):
            lost.append(trial)
            continue
        # Exactly one was saved; the other was refused in plain words, its input kept.
        assert codes == [200, 302], (trial, codes)
        refused = next(response for response in responses if response.status_code == 200)
        html = refused.content.decode()
        assert REFUSED in html
        assert saved_first != saved_second
        # Saving the refused form again keeps both people's changes.
        again = form_data_from_html(html)
        loser = second if saved_first else first
        assert loser.post(url, again).status_code == 302, trial
        guide.refresh_from_db()
        guide.condition.refresh_from_db()
        assert guide.condition.name == f"Sample name {trial}", trial
        assert guide.summary == f"Sample summary {trial}.", trial
    assert lost == [], f"{len(lost)} of {TRIALS} trials lost an edit: {outcomes}"


def test_saving_again_after_a_refusal_never_reverts_the_other_persons_change(guide):
    first, second = practitioner(), practitioner()
    url = guide_url(guide)
    first_form, second_form = form_data(first, url), form_data(second, url)
    first_form["title"] = "Sample title saved first"
    first_form["condition-when_to_get_care"] = "<p>Sample care text saved first.</p>"
    assert first.post(url, first_form).status_code == 302

    second_form["summary"] = "Sample summary saved second."
    refused = second.post(url, second_form)
    html = refused.content.decode()
    assert refused.status_code == 200 and REFUSED in html
    again = form_data_from_html(html)
    # The re-shown form holds the first person's values where the second changed nothing.
    assert again["title"] == "Sample title saved first"
    assert again["condition-when_to_get_care"] == "<p>Sample care text saved first.</p>"
    assert again["summary"] == "Sample summary saved second."
    assert second.post(url, again).status_code == 302
    guide.refresh_from_db()
    assert guide.title == "Sample title saved first"
    assert guide.summary == "Sample summary saved second."
    assert guide.condition.when_to_get_care == "<p>Sample care text saved first.</p>"


def test_a_field_both_changed_keeps_the_second_persons_value_and_is_marked(guide):
    first, second = practitioner(), practitioner()
    url = guide_url(guide)
    first_form, second_form = form_data(first, url), form_data(second, url)
    first_form["title"] = "Sample title by the first"
    assert first.post(url, first_form).status_code == 302
    second_form["title"] = "Sample title by the second"
    html = second.post(url, second_form).content.decode()
    assert "changed this too, to “Sample title by the first”" in html
    assert form_data_from_html(html)["title"] == "Sample title by the second"
    assert "You both changed:" in html


def test_a_list_of_records_only_the_other_person_changed_is_shown_as_now_saved(guide):
    first, second = practitioner(), practitioner()
    url = guide_url(guide)
    first_form, second_form = form_data(first, url), form_data(second, url)
    removed = first_form["symptom_links-0-id"]
    first_form["symptom_links-0-DELETE"] = "on"
    assert first.post(url, first_form).status_code == 302

    second_form["summary"] = "Sample summary saved second."
    html = second.post(url, second_form).content.decode()
    again = form_data_from_html(html)
    assert removed not in [
        value for key, value in again.items() if key.startswith("symptom_links-")
    ]
    assert second.post(url, again).status_code == 302
    assert not guide.condition.symptom_links.filter(pk=removed).exists()  # still deleted


def test_a_change_to_the_condition_on_its_own_screen_also_stops_a_guide_save(guide):
    first, second = practitioner(), practitioner()
    condition_url = f"/admin/conditions/condition/{guide.condition_id}/change/"
    guide_form = form_data(second, guide_url(guide))
    condition_form = form_data(first, condition_url)
    condition_form["name"] = "Sample name from the condition's screen"
    assert first.post(condition_url, condition_form).status_code == 302
    guide_form["summary"] = "Sample summary."
    response = second.post(guide_url(guide), guide_form)
    assert response.status_code == 200 and REFUSED in response.content.decode()
    again = form_data_from_html(response.content.decode())
    assert again["condition-name"] == "Sample name from the condition's screen"
