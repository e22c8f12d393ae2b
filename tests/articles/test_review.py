from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from tests.factories import make_article, make_practitioner

pytestmark = pytest.mark.django_db


@pytest.fixture
def due_pages(django_user_model):
    today = timezone.localdate()
    reviewer = make_practitioner(
        user=django_user_model.objects.create_user("dr", email="dr@example.org", is_staff=True)
    )
    overdue = make_article(title="Overdue page", reviewer=reviewer)
    soon = make_article(title="Due soon page", reviewer=reviewer)
    later = make_article(title="Later page", reviewer=reviewer)
    for page, days in ((overdue, -3), (soon, 10), (later, 90)):
        page.next_review_due = today + timedelta(days=days)
        page.save()
    return overdue, soon, later


def test_report_lists_overdue_and_due_soon_but_not_later(due_pages, capsys):
    call_command("review_report")
    out = capsys.readouterr().out
    assert "OVERDUE" in out and "Overdue page" in out
    assert "Due soon page" in out
    assert "Later page" not in out


def test_report_emails_each_reviewer_their_pages(due_pages):
    call_command("review_report", "--email")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["dr@example.org"]
    assert "Overdue page" in mail.outbox[0].body


def test_report_says_so_when_nothing_is_due(capsys):
    call_command("review_report")
    assert "No pages are overdue" in capsys.readouterr().out


def test_admin_home_lists_pages_due_for_review(due_pages, admin_client):
    html = admin_client.get("/admin/").content.decode()
    assert "Medical review" in html
    assert "Overdue page" in html and "Due soon page" in html
    assert "Later page" not in html


def test_public_page_shows_last_and_next_review_dates(client, demo):
    html = client.get("/conditions/leg-spasms-and-cramping/").content.decode()
    assert "Page last reviewed" in html and "12 March 2026" in html
    assert "Next review due" in html and "12 March 2027" in html


def test_admin_home_shows_the_most_overdue_first_with_counts_and_links(admin_client):
    from articles.templatetags.review_tags import SHOWN_ON_ADMIN_HOME

    today = timezone.localdate()
    for days in range(SHOWN_ON_ADMIN_HOME + 5):
        make_article(
            title=f"Sample overdue {days:02d}", next_review_due=today - timedelta(days=days + 1)
        )
    html = admin_client.get("/admin/").content.decode()
    assert f"{SHOWN_ON_ADMIN_HOME + 5} pages overdue" in html
    most = f"Sample overdue {SHOWN_ON_ADMIN_HOME + 4:02d}"
    assert most in html and "Sample overdue 00" not in html  # the least overdue are cut
    assert html.index(most) < html.index(f"Sample overdue {SHOWN_ON_ADMIN_HOME + 3:02d}")
    assert "/admin/articles/article/?review=overdue" in html
