"""Special dates override the week's hours; notices show ahead of their dates and name them;
times are typed as people write them; the receptionist's lists say what shows now."""

from datetime import date, time

import pytest

from clinic_site import selectors
from clinic_site.models import Notice, OpeningHours, SpecialHours

pytestmark = pytest.mark.django_db

THANKSGIVING = date(2026, 11, 26)  # a Thursday
DAY_BEFORE = date(2026, 11, 25)


@pytest.fixture
def on_day(monkeypatch):
    """Fix the clinic's date: `on_day(date(...))`."""

    def set_day(day):
        monkeypatch.setattr(selectors, "today", lambda: day)

    return set_day


@pytest.fixture
def receptionist(client, demo):
    assert client.login(username="receptionist", password="receptionist-demo")
    return client


def footer(client):
    return client.get("/").content.decode().split('class="site-footer"')[1]


def test_footer_says_closed_on_a_holiday_that_falls_on_an_open_weekday(client, demo, on_day):
    SpecialHours.objects.create(date=THANKSGIVING, closed=True, note="Thanksgiving")

    on_day(DAY_BEFORE)
    assert "8:00 AM–6:00 PM" in footer(client)
    on_day(THANKSGIVING)
    text = footer(client)
    assert "closed (Thanksgiving)" in text
    assert "8:00 AM" not in text


def test_footer_shows_changed_hours_on_their_date_only(client, demo, on_day):
    SpecialHours.objects.create(
        date=DAY_BEFORE, opens=time(8), closes=time(12), note="Closing early"
    )

    on_day(DAY_BEFORE)
    assert "8:00 AM–12:00 PM (Closing early)" in footer(client)
    on_day(date(2026, 11, 24))
    assert "8:00 AM–6:00 PM" in footer(client)


def test_special_hours_on_a_closed_weekday_open_the_clinic(demo):
    saturday = date(2026, 11, 28)
    details = selectors.clinic_details()
    assert details.hours_on(saturday).is_closed
    SpecialHours.objects.create(date=saturday, opens=time(9), closes=time(13))
    details = selectors.clinic_details()
    assert details.hours_on(saturday).periods == [(time(9), time(13))]


def test_saving_special_hours_clears_the_cached_details(client, demo, on_day):
    on_day(THANKSGIVING)
    assert "8:00 AM–6:00 PM" in footer(client)  # cached now
    SpecialHours.objects.create(date=THANKSGIVING, closed=True)
    assert "closed" in footer(client)
    SpecialHours.objects.all().delete()
    assert "8:00 AM–6:00 PM" in footer(client)


def test_contact_page_lists_upcoming_special_hours_but_not_past_ones(client, demo, on_day):
    SpecialHours.objects.create(date=THANKSGIVING, closed=True, note="Thanksgiving")
    SpecialHours.objects.create(date=date(2026, 11, 2), closed=True, note="Past closure")
    on_day(DAY_BEFORE)
    html = client.get("/contact/").content.decode()
    assert "Thursday 26 November" in html and "Thanksgiving" in html
    assert "Past closure" not in html


def test_special_hours_are_either_closed_or_an_opening_and_later_closing_time(receptionist):
    for data in (
        {"date": "2026-11-26", "closed": "on", "opens": "9am", "closes": "5pm"},
        {"date": "2026-11-26", "opens": "5pm", "closes": "9am"},
        {"date": "2026-11-26"},
    ):
        response = receptionist.post("/admin/clinic_site/specialhours/add/", data | {"note": ""})
        assert response.status_code == 200, data
        assert "closed all day" in response.content.decode(), data
    assert not SpecialHours.objects.filter(date=date(2026, 11, 26)).exists()


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("9:00 AM", time(9)),
        ("9am", time(9)),
        ("9 am", time(9)),
        ("09:00", time(9)),
        ("5:30 pm", time(17, 30)),
        ("17:30", time(17, 30)),
        ("12pm", time(12)),
        ("9 A.M.", time(9)),
    ],
)
def test_times_are_accepted_as_people_write_them(receptionist, typed, expected):
    response = receptionist.post(
        "/admin/clinic_site/openinghours/add/", {"weekday": 6, "opens": typed, "closes": "11:59 PM"}
    )
    assert response.status_code == 302, response.content.decode()
    assert OpeningHours.objects.get(weekday=6).opens == expected


def test_an_unreadable_time_is_refused_naming_the_forms_accepted(receptionist):
    response = receptionist.post(
        "/admin/clinic_site/openinghours/add/", {"weekday": 6, "opens": "nine", "closes": "5pm"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Enter a time such as 9:00 AM, 9am, 9:30 pm or 17:30 (24-hour)." in html
    assert not OpeningHours.objects.filter(weekday=6).exists()


def test_time_fields_show_the_format_they_expect(receptionist):
    html = receptionist.get("/admin/clinic_site/specialhours/add/").content.decode()
    assert 'placeholder="9:00 AM"' in html
    assert "e.g. 9:00 AM, 9am or 17:30" in html
    html = receptionist.get("/admin/clinic_site/openinghours/").content.decode()
    assert 'value="08:00 AM"' in html  # the list's editable times in the same form


def test_notice_shows_ahead_of_its_dates_and_names_them(client, demo, on_day):
    Notice.objects.create(
        message="Closed for Thanksgiving",
        starts_on=THANKSGIVING,
        ends_on=THANKSGIVING,
        show_from=date(2026, 11, 19),
    )
    on_day(date(2026, 11, 18))
    assert "Closed for Thanksgiving" not in client.get("/").content.decode()
    for day in (date(2026, 11, 19), THANKSGIVING):
        on_day(day)
        assert "Closed for Thanksgiving: Thursday 26 November" in client.get("/").content.decode()
    on_day(date(2026, 11, 27))
    assert "Closed for Thanksgiving" not in client.get("/").content.decode()


def test_notice_over_several_days_names_the_first_and_last():
    notice = Notice(message="x", starts_on=date(2026, 12, 24), ends_on=date(2026, 12, 25))
    assert notice.dates_label == "Thursday 24 – Friday 25 December"
    notice.ends_on = date(2027, 1, 1)
    assert notice.dates_label == "Thursday 24 December – Friday 1 January"


def test_notice_shown_from_after_its_first_day_is_refused(receptionist):
    response = receptionist.post(
        "/admin/clinic_site/notice/add/",
        {
            "message": "Closed",
            "starts_on": "2026-11-26",
            "ends_on": "2026-11-26",
            "show_from": "2026-11-27",
        },
    )
    assert response.status_code == 200
    assert "must be on or before the first day" in response.content.decode()
    assert not Notice.objects.filter(message="Closed").exists()


def test_receptionists_notice_list_says_what_is_showing_and_what_is_upcoming(receptionist, on_day):
    Notice.objects.create(message="Flu shots", starts_on=DAY_BEFORE, ends_on=date(2026, 11, 30))
    Notice.objects.create(
        message="Closed for Thanksgiving",
        starts_on=THANKSGIVING,
        ends_on=THANKSGIVING,
        show_from=date(2026, 11, 23),
    )
    Notice.objects.create(message="Old news", starts_on=date(2026, 1, 1), ends_on=date(2026, 1, 2))
    on_day(date(2026, 11, 20))

    html = receptionist.get("/admin/clinic_site/notice/").content.decode()
    assert "Upcoming: shown from Monday 23 November" in html
    assert "Ended" in html
    showing = receptionist.get("/admin/clinic_site/notice/?when=upcoming").content.decode()
    assert "Flu shots" in showing and "Closed for Thanksgiving" in showing
    on_day(DAY_BEFORE)
    showing = receptionist.get("/admin/clinic_site/notice/?when=now").content.decode()
    assert "Flu shots" in showing and "Closed for Thanksgiving" in showing
    assert "Old news" not in showing
    upcoming = receptionist.get("/admin/clinic_site/notice/?when=upcoming").content.decode()
    assert "Flu shots" not in upcoming and "Closed for Thanksgiving" not in upcoming


def test_receptionists_special_hours_list_marks_today_and_upcoming(receptionist, on_day):
    SpecialHours.objects.create(date=THANKSGIVING, closed=True, note="Thanksgiving")
    SpecialHours.objects.create(date=date(2026, 12, 24), opens=time(8), closes=time(12))
    on_day(THANKSGIVING)

    html = receptionist.get("/admin/clinic_site/specialhours/").content.decode()
    assert "Today: showing now" in html and "Upcoming" in html
    assert "8:00 AM–12:00 PM" in html
    upcoming = receptionist.get("/admin/clinic_site/specialhours/?when=upcoming")
    assert "Thursday 24 December 2026" in upcoming.content.decode()
    assert "Thanksgiving" not in upcoming.content.decode()
    hours = receptionist.get("/admin/clinic_site/openinghours/").content.decode()
    assert "Not today: special hours today (closed)" in hours


# The next date on which what the site shows for the date changes: a page kept by the page
# cache is current until its midnight (clinic_site/page_cache.py).

MONDAY = date(2026, 11, 16)


@pytest.fixture
def weekdays_eight_to_six(on_day):
    on_day(MONDAY)  # the details are read from the day before today on
    for weekday in range(5):
        OpeningHours.objects.create(weekday=weekday, opens=time(8), closes=time(18))


def next_change_after(day):
    selectors.forget_clinic_details()
    return selectors.clinic_details().next_change_after(day)


def test_days_with_the_same_hours_change_nothing_until_the_weekend(weekdays_eight_to_six):
    assert next_change_after(MONDAY) == date(2026, 11, 21)  # Saturday: closed
    assert next_change_after(date(2026, 11, 21)) == date(2026, 11, 23)  # Monday: open


def test_a_notice_changes_the_day_it_is_first_shown_and_the_day_after_its_last(
    weekdays_eight_to_six,
):
    Notice.objects.create(
        message="Sample closure",
        show_from=date(2026, 11, 18),
        starts_on=date(2026, 11, 19),
        ends_on=date(2026, 11, 19),
    )

    assert next_change_after(MONDAY) == date(2026, 11, 18)
    assert next_change_after(date(2026, 11, 18)) == date(2026, 11, 20)


def test_special_hours_change_their_date_and_the_day_after(weekdays_eight_to_six):
    SpecialHours.objects.create(date=date(2026, 11, 18), closed=True)

    assert next_change_after(MONDAY) == date(2026, 11, 18)  # no longer "to come"
    assert next_change_after(date(2026, 11, 18)) == date(2026, 11, 19)


def test_the_same_hours_every_day_and_nothing_ahead_never_change():
    for weekday in range(7):
        OpeningHours.objects.create(weekday=weekday, opens=time(9), closes=time(17))

    assert next_change_after(MONDAY) is None
