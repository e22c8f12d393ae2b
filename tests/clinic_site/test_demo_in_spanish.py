"""The demo in Spanish: a sample translation, public under /es/ once loaded (README:
"Demo content")."""

import re
from datetime import date

import pytest
from django.urls import reverse
from django.utils.translation import override

from articles import translation_status
from articles.changes import TRACKED
from articles.models import Article, SpanishState
from articles.pages import build_page
from clinic_site.demo import content, spanish
from clinic_site.demo.loader import load_demo
from clinic_site.models import ClinicProfile, Notice, SpecialHours
from conditions.models import AlternativeName, CareAdvice, RedFlag
from editing.translation import column, missing_translations, translated_fields

pytestmark = pytest.mark.django_db

# Every kind of translated row a page or the clinic's details show a patient.
SHOWN_MODELS = [model for model in TRACKED if translated_fields(model)] + [
    ClinicProfile,
    Notice,
    SpecialHours,
]
# The seed gives no care advice or red-flag signs, so the demo has none to translate.
NOT_IN_THE_DEMO = {CareAdvice, RedFlag}


def demo_pages():
    return list(Article.objects.for_page().order_by("pk"))


def test_every_demo_page_is_public_in_spanish_reviewed_by_the_demo_practitioner(demo):
    pages = demo_pages()
    assert len(pages) == len(content.GUIDES) + len(content.ARTICLES)
    for article in pages:
        state, spanish_page = translation_status.state_of(article)
        assert state == SpanishState.REVIEWED, article.title
        assert article.spanish_state == SpanishState.REVIEWED, article.title
        assert spanish_page.untranslated == [], article.title
        assert article.spanish_reviewed_by.username == "practitioner"
        assert article.is_public_in("es")


def test_no_spanish_field_of_a_shown_record_is_empty(demo):
    for model in SHOWN_MODELS:
        rows = list(model.objects.all())
        assert bool(rows) != (model in NOT_IN_THE_DEMO), model.__name__
        for row in rows:
            assert missing_translations(row, "es") == [], (model.__name__, str(row))


def test_the_spanish_keeps_the_english_texts_shape_sentence_lists_and_headings(demo):
    """A faithful translation adds and drops nothing: each Spanish rich text has exactly
    its English's headings, paragraphs and list items."""
    compared = 0
    for model in SHOWN_MODELS:
        for row in model.objects.all():
            for name in translated_fields(row):
                english, spanish_text = getattr(row, name), getattr(row, column(name, "es"))
                if "<" not in str(english):
                    continue
                for tag in ("h2", "h3", "p", "li", "ul", "strong"):
                    pattern = rf"<{tag}[ >]"
                    assert len(re.findall(pattern, english)) == len(
                        re.findall(pattern, spanish_text)
                    ), (str(row), name, tag)
                compared += 1
    assert compared >= 29  # the demo's rich texts, so none was skipped


def test_spanish_other_names_are_each_conditions_own_list(demo):
    for spec in content.CONDITIONS:
        names = AlternativeName.objects.filter(condition__slug=spec["slug"])
        assert (
            list(names.filter(language="en").values_list("name", flat=True))
            == (spec["also_called"])
        )
        assert (
            list(names.filter(language="es").values_list("name", flat=True))
            == (spanish.CONDITIONS[spec["slug"]]["also_called_es"])
        )
    assert not AlternativeName.objects.filter(language="es", name__icontains="charley").exists()


def test_the_spanish_home_page_lists_every_demo_page(client, demo):
    html = client.get("/es/").content.decode()
    for article in demo_pages():
        assert article.title_es in html
        assert f'href="{article.url_in("es")}"' in html


def test_each_spanish_page_answers_in_spanish_with_its_spanish_title(client, demo):
    for article in demo_pages():
        assert article.title_es == spanish.PAGES[article.slug]["title_es"]
        assert article.url_in("es").endswith(f"/{spanish.PAGES[article.slug]['slug_es']}/")
        response = client.get(article.url_in("es"))
        assert response.status_code == 200, article.url_in("es")
        html = response.content.decode()
        assert '<html lang="es">' in html
        heading = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)
        assert heading.strip() == article.title_es


def test_the_disclaimer_is_in_both_languages(client, demo):
    english = Article.objects.get(slug=content.ARTICLES[0]["slug"])
    assert "The scope of our information" in client.get(english.url_in("en")).content.decode()
    spanish_html = client.get(english.url_in("es")).content.decode()
    assert "El alcance de nuestra información" in spanish_html
    assert "The scope of our information" not in spanish_html


def test_the_sample_notice_and_special_hours_show_in_each_language(client, demo):
    english_home = client.get("/").content.decode()
    spanish_home = client.get("/es/").content.decode()
    assert "Closed for Labor Day" in english_home
    assert "Cerrado por el Día del Trabajo" in spanish_home
    assert "Closed for Labor Day" not in spanish_home
    with override("es"):
        spanish_contact = reverse("contact")
    assert "Día del Trabajo" in client.get(spanish_contact).content.decode()
    assert "Labor Day" in client.get("/contact/").content.decode()


@pytest.mark.parametrize(
    "today, labor_day, shown_from",
    [
        (date(2026, 11, 25), date(2027, 9, 6), date(2026, 9, 8)),
        (date(2027, 9, 6), date(2027, 9, 6), date(2026, 9, 8)),  # on the day itself
        (date(2027, 9, 7), date(2028, 9, 4), date(2027, 9, 7)),
    ],
)
def test_the_sample_closure_is_the_next_labor_day_on_show_until_then(today, labor_day, shown_from):
    load_demo(today=today)
    closed = SpecialHours.objects.get(note="Labor Day")
    notice = Notice.objects.get(message="Closed for Labor Day")
    assert (closed.date, closed.closed, closed.note_es) == (labor_day, True, "Día del Trabajo")
    assert (notice.starts_on, notice.ends_on, notice.show_from) == (
        labor_day,
        labor_day,
        shown_from,
    )
    assert notice.is_current(today)


def test_reloading_moves_the_sample_closure_without_duplicating_it():
    load_demo(today=date(2026, 11, 25))
    report = load_demo(today=date(2027, 9, 7))
    assert SpecialHours.objects.get().date == date(2028, 9, 4)
    assert Notice.objects.get().starts_on == date(2028, 9, 4)
    assert report.created == []


def test_the_sample_translation_note_is_on_each_pages_admin_screen(practitioner):
    for article in demo_pages():
        assert article.spanish_note == spanish.SAMPLE_TRANSLATION_NOTE
        kind = "guide" if article.is_guide else "article"
        screen = practitioner.get(reverse(f"admin:articles_{kind}_change", args=[article.pk]))
        fieldsets = re.findall(r"<fieldset.*?</fieldset>", screen.content.decode(), re.S)
        (spanish_fieldset,) = [f for f in fieldsets if re.search(r"<h2[^>]*>\s*Spanish\s*<", f)]
        assert 'name="spanish_note"' in spanish_fieldset
        assert f'value="{spanish.SAMPLE_TRANSLATION_NOTE}"' in spanish_fieldset.replace(
            "&#x27;", "'"
        ), article.title


def test_the_sample_translation_note_is_never_on_a_public_page(client, demo):
    note_start = spanish.SAMPLE_TRANSLATION_NOTE[:40]
    for article in demo_pages():
        for language in ("en", "es"):
            html = client.get(article.url_in(language)).content.decode()
            assert note_start not in html, article.url_in(language)


def test_loading_again_reviews_spanish_checked_against_older_english(demo):
    # As after a new version of the demo's English: the review no longer matches it.
    Article.objects.filter(slug="leg-spasms-and-cramping").update(
        spanish_reviewed_english="older English"
    )
    leg = Article.objects.for_page().get(slug="leg-spasms-and-cramping")
    assert translation_status.state_of(leg)[0] == SpanishState.OUT_OF_DATE

    report = load_demo(with_logins=True)
    assert "Spanish of Leg Spasms and Cramping marked reviewed" in report.updated
    leg = Article.objects.for_page().get(pk=leg.pk)
    assert translation_status.state_of(leg)[0] == SpanishState.REVIEWED


def test_a_demo_loaded_without_logins_credits_the_practitioner_once_they_exist():
    load_demo()
    assert all(a.spanish_state == SpanishState.REVIEWED for a in demo_pages())
    assert all(a.spanish_reviewed_by is None for a in demo_pages())
    load_demo(with_logins=True)
    assert {a.spanish_reviewed_by.username for a in demo_pages()} == {"practitioner"}


def test_the_spanish_pages_show_every_record_in_spanish(demo):
    for article in demo_pages():
        page = build_page(article, related=[], language="es")
        assert page.untranslated == []
        if article.is_guide:
            assert page.also_called == spanish.CONDITIONS[article.condition.slug]["also_called_es"]
