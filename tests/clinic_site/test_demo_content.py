"""The demo must carry every fact of the seed pages (README: "Demo content")."""

import pytest
from django.apps import apps
from django.core import serializers
from django.core.management import call_command

from clinic_site.demo import content
from clinic_site.demo.loader import load_demo

pytestmark = pytest.mark.django_db

LEG = "/conditions/leg-spasms-and-cramping/"
THORACIC = "/conditions/thoracic-upper-back-pain/"
SCOLIOSIS = "/articles/pelvic-and-lower-extremity-imbalances-can-lead-to-scoliosis/"

SEED_DOIS = [
    "10.1371/journal.pone.0227497",
    "10.1002/14651858.CD009402.pub2",
    "10.1371/journal.pone.0147070",
    "10.1002/14651858.CD010655.pub3",
    "10.1016/S1474-4422(19)30414-4",
    "10.2215/CJN.08410814",
    "10.1113/EP085355",
]


@pytest.fixture
def pages(client, demo):
    return {url: client.get(url).content.decode() for url in (LEG, THORACIC, SCOLIOSIS)}


def text_of(html):
    """Rich-text notes are stored as HTML; compare them as a reader would see them."""
    from django.utils.html import strip_tags

    return " ".join(strip_tags(html).replace("&#x27;", "'").split())


def test_every_symptom_cause_treatment_and_note_appears_on_its_guide(pages):
    for spec in content.CONDITIONS:
        page = text_of(pages[f"/conditions/{spec['slug']}/"])
        for group in ("symptoms", "causes", "treatments"):
            for name, note in spec[group]:
                assert name in page, name
                assert text_of(note) in page, note


def test_all_ten_references_and_every_seed_doi_appear_as_links(pages):
    both_guides = pages[LEG] + pages[THORACIC]
    assert both_guides.count('<li id="ref-') == 10
    for doi in SEED_DOIS:
        assert f'href="https://doi.org/{doi}"' in both_guides, doi


def test_both_body_composition_panels_appear(pages):
    assert "Track Inflammation and Fluid Imbalances From Injury or Surgery" in pages[LEG]
    assert "Sitting For Prolonged Periods" in pages[THORACIC]
    assert "Circulation Slows Down" in pages[THORACIC]


def test_article_has_author_line_disclaimer_and_the_clinic_phone(pages):
    page = pages[SCOLIOSIS]
    assert "By Dr. Alex Jimenez, DC, APRN" in page
    assert "The scope of our information is limited to chiropractic" in page
    assert 'href="tel:+19158500900"' in page
    assert "Leg Length Discrepancies" in page


def test_no_broken_characters_are_published(pages):
    for url, html in pages.items():
        assert "\ufffd" not in html, url
        assert "?\u00bf" not in html and "â€" not in html, url


def test_clinic_phone_and_email_come_from_the_seed(pages):
    for html in pages.values():
        assert 'href="tel:+19158500900"' in html
        assert 'href="mailto:spinedoctors@gmail.com"' in html


def snapshot():
    rows = []
    for app_label in ("references", "conditions", "articles", "clinic_site", "auth"):
        for model in apps.get_app_config(app_label).get_models():
            rows.append(serializers.serialize("json", model.objects.order_by("pk")))
    return rows


def test_loading_twice_changes_nothing(demo):
    before = snapshot()
    report = load_demo(with_logins=True)
    assert not report.changed, report.created + report.updated
    assert snapshot() == before


def test_command_reports_nothing_changed_on_a_second_run(demo, capsys):
    call_command("load_demo")
    assert "nothing changed" in capsys.readouterr().out


def test_dry_run_saves_nothing(capsys):
    call_command("load_demo", "--dry-run")
    assert "Would create" in capsys.readouterr().out
    assert not apps.get_model("articles", "Article").objects.exists()


def test_demo_logins_sign_in_to_the_admin(client, demo):
    for username, password, _group, _superuser in content.DEMO_LOGINS:
        assert client.login(username=username, password=password), username
        assert client.get("/admin/").status_code == 200
        client.logout()


def test_every_demo_page_passes_the_blocking_publish_checks(demo):
    from articles.models import Article
    from articles.publish_checks import check_for_publishing

    for article in Article.objects.for_page():
        assert check_for_publishing(article).errors == [], article.title
