from datetime import date, time, timedelta

import pytest
from django.utils import timezone

from clinic_site.models import ClinicProfile, Notice, OpeningHours
from editing.concurrency import edit_token

pytestmark = pytest.mark.django_db

PROFILE_URL = "/admin/clinic_site/clinicprofile/1/change/"


def profile_form(**changes):
    profile = ClinicProfile.load()
    data = {
        "name": profile.name,
        "tagline": profile.tagline,
        "phone": profile.phone,
        "email": profile.email,
        "street_address": "",
        "locality": "",
        "region": "",
        "postal_code": "",
        "map_url": "",
        "disclaimer": profile.disclaimer,
        "edit_token": edit_token([profile]),  # as the form carries it
    }
    return data | changes


@pytest.fixture
def receptionist(client, demo):
    assert client.login(username="receptionist", password="receptionist-demo")
    return client


def test_new_phone_shows_on_every_public_page_on_the_next_request(receptionist, client):
    pages = ["/", "/contact/", "/conditions/", "/conditions/leg-spasms-and-cramping/"]
    assert "+1-915-850-0900" in client.get(pages[0]).content.decode()  # now cached
    response = receptionist.post(PROFILE_URL, profile_form(phone="+1 (915) 555-0100"))
    assert response.status_code == 302
    client.logout()
    for url in pages:
        html = client.get(url).content.decode()
        assert 'href="tel:+19155550100"' in html, url
        assert "850-0900" not in html, url


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("phone", "call us maybe", "Enter a phone number"),
        ("phone", "12", "Enter a phone number"),
        ("email", "spinedoctors-at-gmail", "Enter a valid email address"),
    ],
)
def test_malformed_contact_details_are_refused_and_nothing_changes(
    receptionist, field, value, message
):
    before = ClinicProfile.load()
    response = receptionist.post(PROFILE_URL, profile_form(**{field: value}))
    assert response.status_code == 200
    assert message in response.content.decode()
    after = ClinicProfile.load()
    assert (after.phone, after.email) == (before.phone, before.email)


def test_notice_that_ends_before_it_starts_is_refused(receptionist):
    response = receptionist.post(
        "/admin/clinic_site/notice/add/",
        {"message": "Closed on Thanksgiving", "starts_on": "2026-11-26", "ends_on": "2026-11-25"},
    )
    assert response.status_code == 200
    assert "ends before it starts" in response.content.decode()
    assert not Notice.objects.filter(message="Closed on Thanksgiving").exists()


def test_notice_shows_only_between_its_dates(client, demo):
    today = timezone.localdate()
    Notice.objects.create(message="Current notice", starts_on=today, ends_on=today)
    Notice.objects.create(
        message="Future notice",
        starts_on=today + timedelta(days=1),
        ends_on=today + timedelta(days=2),
    )
    Notice.objects.create(
        message="Past notice", starts_on=today - timedelta(days=3), ends_on=today - timedelta(1)
    )
    html = client.get("/").content.decode()
    assert "Current notice" in html
    assert "Future notice" not in html
    assert "Past notice" not in html


def test_footer_shows_todays_hours_or_closed(client, demo):
    today = timezone.localdate()
    OpeningHours.objects.all().delete()
    footer = client.get("/").content.decode().split('class="site-footer"')[1]
    assert "Open today" in footer and "closed" in footer
    OpeningHours.objects.create(weekday=today.weekday(), opens=time(7, 30), closes=time(12, 0))
    footer = client.get("/").content.decode().split('class="site-footer"')[1]
    assert "7:30 AM–12:00 PM" in footer


def test_opening_hours_that_close_before_they_open_are_refused(client, admin_user):
    client.force_login(admin_user)
    response = client.post(
        "/admin/clinic_site/openinghours/add/", {"weekday": 0, "opens": "18:00", "closes": "08:00"}
    )
    assert "Closing time must be after opening time" in response.content.decode()
    assert not OpeningHours.objects.exists()


def test_week_lists_every_day_with_closed_days_empty():
    from clinic_site.selectors import clinic_details

    OpeningHours.objects.create(weekday=0, opens=time(9), closes=time(17))
    week = dict(clinic_details().week())
    assert len(week) == 7
    assert [str(hours) for hours in week["Monday"]] == ["Monday 09:00–17:00"]
    assert week["Sunday"] == []


def test_profile_is_a_single_row():
    ClinicProfile(name="A", phone="+1 555 0100 100", email="a@example.org").save()
    ClinicProfile(name="B", phone="+1 555 0100 100", email="b@example.org").save()
    assert list(ClinicProfile.objects.values_list("name", flat=True)) == ["B"]


def test_date_type_is_used_for_notice_dates():
    notice = Notice(message="x", starts_on=date(2026, 1, 1), ends_on=date(2026, 1, 2))
    assert notice.is_current(date(2026, 1, 2))
    assert not notice.is_current(date(2026, 1, 3))
