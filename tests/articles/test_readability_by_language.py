"""Readability by language: one entry point, and the publish checks and edit screen holding
English text to the English measure and Spanish text to the Spanish one.

Sample sentences here are everyday Spanish and English written for these tests (sample
text); none says anything clinical.
"""

import pytest

from articles import readability as english
from articles import readability_es as spanish
from articles.admin import readability_summary
from articles.publish_checks import check_for_publishing, readability_warning
from articles.readability_by_language import MEASURES, readability_in
from tests.factories import make_article, make_practitioner

# Sample text: -18.0 on the INFLESZ scale ("muy difícil"), as worked out by hand in
# test_readability_es.py.
HARD_SPANISH = (
    "La administración municipal considera imprescindible la modernización tecnológica "
    "de las infraestructuras públicas."
)
EASY_SPANISH = "Hoy hace sol. Vamos al parque."  # Sample text: 110.4, "muy fácil".
ENGLISH = "Reading is a pleasant habit. The weather today is sunny."  # Sample text.


def test_english_text_is_scored_by_the_english_measure():
    assert readability_in(ENGLISH, "en") == english.readability(ENGLISH)
    assert readability_in(ENGLISH, "en-us").grade == 5.2


def test_spanish_text_is_scored_on_the_inflesz_scale_whatever_the_region():
    expected = spanish.readability(HARD_SPANISH)
    for code in ("es", "es-mx", "es-MX", "es_US"):
        assert readability_in(HARD_SPANISH, code) == expected
    assert expected.score == -18.0


def test_the_measures_differ_so_the_language_matters():
    # The English rules count Spanish syllables differently ("hace" as one, "parque" as
    # one), so the entry point must not fall back to English for Spanish text.
    assert (
        readability_in(EASY_SPANISH, "es").syllables != readability_in(EASY_SPANISH, "en").syllables
    )


def test_a_language_without_a_measure_is_refused():
    with pytest.raises(ValueError, match=r"'fr'.*en, es"):
        readability_in(ENGLISH, "fr")
    assert set(MEASURES) == {"en", "es"}


def test_text_without_words_has_no_score_in_either_language():
    assert readability_in("2024", "en") is None
    assert readability_in("2024", "es") is None


# --------------------------------------------------------------------------- publish checks


def test_hard_spanish_text_is_warned_about_with_its_inflesz_band():
    warning = readability_warning(HARD_SPANISH, language="es")
    assert "INFLESZ" in warning
    assert "-18.0" in warning
    assert "“muy difícil” (very difficult)" in warning
    assert "target of 55 or higher" in warning


def test_easy_spanish_text_raises_no_warning():
    assert readability_warning(EASY_SPANISH, language="es") is None


def test_english_text_keeps_the_reading_grade_warning():
    hard_english = (  # Sample text.
        "Comprehensive understanding of complicated administrative documentation "
        "occasionally necessitates considerable concentration."
    )
    assert "Reading grade" in readability_warning(hard_english)
    assert readability_warning(ENGLISH) is None


def page_in_both_languages(english, spanish):
    """A sample article whose English and Spanish summary and body are the texts given."""
    return make_article(
        summary=english,
        body=f"<p>{english}</p>",
        title_es="Artículo de muestra",
        slug_es="articulo-de-muestra",
        summary_es=spanish,
        body_es=f"<p>{spanish}</p>",
        reviewer=make_practitioner(),
    )


@pytest.mark.django_db
def test_publish_checks_hold_the_spanish_text_to_the_spanish_target():
    article = page_in_both_languages(ENGLISH, HARD_SPANISH)
    warnings = check_for_publishing(article).warnings
    assert any("INFLESZ" in warning and "muy difícil" in warning for warning in warnings)
    assert not any("Reading grade" in warning for warning in warnings)


@pytest.mark.django_db
def test_publish_checks_hold_the_english_text_to_the_english_target_beside_the_spanish():
    hard_english = (  # Sample text.
        "Comprehensive understanding of complicated administrative documentation "
        "occasionally necessitates considerable concentration."
    )
    article = page_in_both_languages(hard_english, EASY_SPANISH)
    warnings = check_for_publishing(article).warnings
    assert any("Reading grade" in warning for warning in warnings)
    assert not any("INFLESZ" in warning for warning in warnings)


@pytest.mark.django_db
def test_an_english_only_page_gets_no_spanish_readability_check():
    # The same hard Spanish words, but only in the English columns: no Spanish title, so
    # no Spanish page to hold to INFLESZ.
    article = make_article(summary=HARD_SPANISH, body=f"<p>{HARD_SPANISH}</p>")
    warnings = check_for_publishing(article).warnings
    assert not any("INFLESZ" in warning for warning in warnings)


# --------------------------------------------------------------------------- edit screen


def test_the_edit_screen_line_for_spanish_names_the_score_band_and_target():
    line = readability_summary(readability_in(HARD_SPANISH, "es"))
    assert "<strong>-18.0</strong>" in line
    assert "INFLESZ “muy difícil” (very difficult)" in line
    assert "target: 55 or higher" in line
    assert "12 words in 1 sentences" in line


def test_the_edit_screen_line_for_english_is_the_flesch_kincaid_one():
    line = readability_summary(readability_in(ENGLISH, "en"))
    assert "Flesch-Kincaid grade <strong>5.2</strong> (target: 8 or lower)" in line
    assert "Flesch reading ease 66.4" in line


def test_the_edit_screen_line_for_no_words():
    assert readability_summary(None) == "No text yet."


def test_the_edit_screen_shows_the_spanish_readability_beside_the_english(practitioner):
    article = page_in_both_languages(ENGLISH, HARD_SPANISH)
    html = practitioner.get(f"/admin/articles/article/{article.pk}/change/").content.decode()
    assert "Flesch-Kincaid grade <strong>" in html
    assert "Szigriszt-Pazos reading ease <strong>" in html
    assert "INFLESZ “muy difícil” (very difficult)" in html
    assert "Spanish reading ease (INFLESZ)" in html  # the checklist's warning


def test_the_edit_screen_of_an_english_only_page_shows_no_spanish_score(practitioner):
    article = make_article(summary=ENGLISH)
    html = practitioner.get(f"/admin/articles/article/{article.pk}/change/").content.decode()
    assert "Flesch-Kincaid grade <strong>" in html
    assert "Szigriszt-Pazos" not in html
