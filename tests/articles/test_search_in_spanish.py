"""Search in Spanish: Spanish documents for pages public in Spanish, kept in step with the
Spanish state, matched without accents, found only from the Spanish pages.

Spanish strings here are sample text for tests, not clinical content."""

import pytest
from django.contrib.auth.models import User

from articles import search, translation_status
from articles.models import Article, SearchDocument, SpanishState
from articles.search import Query, refresh_documents, stale_pages
from conditions.models import AlternativeName, Symptom
from tests.factories import list_on, make_condition, make_guide, make_record, translate_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewer():
    return User.objects.create_user("sample-reviewer", is_staff=True)


def spanish_guide(reviewer, english_name, spanish_name, **condition_es):
    """A guide public in Spanish: its condition named `spanish_name` in Spanish (with any
    other Spanish fields given), everything else given a sample translation, reviewed."""
    condition = make_condition(english_name)
    guide = make_guide(condition, title_es=spanish_name, slug_es=f"{condition.slug}-es")
    for name, text in {"name": spanish_name, **condition_es}.items():
        setattr(condition, f"{name}_es", text)
    condition.save()
    translate_page(guide)
    translation_status.mark_reviewed(guide, reviewer)
    return Article.objects.get(pk=guide.pk)


def found(text, language="es"):
    return [result.url for result in search.search(text, language=language).object_list]


def documents_of(page):
    return dict(
        SearchDocument.objects.filter(article=page).values_list("language", "title").order_by()
    )


def test_a_page_public_in_spanish_has_a_spanish_document_from_its_spanish_page(reviewer):
    guide = spanish_guide(reviewer, "Sample quoll", "Muestra de cuol")
    AlternativeName.objects.create(condition=guide.condition, language="es", name="Cuol común")
    AlternativeName.objects.create(condition=guide.condition, name="Sample native cat")
    refresh_documents([guide.pk])

    assert documents_of(guide) == {"en": "Sample quoll", "es": "Muestra de cuol"}
    spanish = SearchDocument.objects.get(article=guide, language="es")
    assert spanish.names.splitlines() == ["Muestra de cuol", "Cuol común"]
    assert "(sample translation)" in spanish.text  # what the Spanish page shows
    assert "Sample native cat" not in spanish.text


def test_a_page_not_public_in_spanish_has_only_its_english_document(reviewer):
    translated = translate_page(make_guide(make_condition("Sample numbat")))  # not reviewed
    translation_status.refresh([translated.pk])
    translated.refresh_from_db()
    assert translated.spanish_state == SpanishState.TO_REVIEW
    refresh_documents([translated.pk])
    assert set(documents_of(translated)) == {"en"}


def test_each_language_finds_its_own_words_and_links_to_its_own_addresses(reviewer):
    guide = spanish_guide(reviewer, "Sample tapir", "Muestra de danta")
    refresh_documents([guide.pk])

    (result,) = search.search("danta", language="es").object_list
    assert (result.url, result.title) == (guide.url_in("es"), "Muestra de danta")
    assert result.url.startswith("/es/")
    assert found("tapir", language="es") == []  # English words are not searched in Spanish
    assert found("danta", language="en") == []
    assert found("tapir", language="en") == [guide.url_in("en")]


def test_spanish_ignores_accents_typed_or_not(reviewer):
    accented = spanish_guide(reviewer, "Sample spine", "Muestra torácica")
    plain = spanish_guide(reviewer, "Sample shoulder", "Muestra del omoplato")
    refresh_documents([accented.pk, plain.pk])
    assert found("toracica") == [accented.url_in("es")]
    assert found("TORÁCICA") == [accented.url_in("es")]
    assert found("omóplato") == [plain.url_in("es")]


def test_spanish_words_match_by_their_spanish_stem(reviewer):
    guide = spanish_guide(reviewer, "Sample cramp", "Muestra de calambres")
    refresh_documents([guide.pk])
    assert found("calambre") == [guide.url_in("es")]
    assert found("calambres") == [guide.url_in("es")]


def test_spanish_stop_words_alone_find_nothing(reviewer):
    spanish_guide(reviewer, "Sample stop", "De la muestra")
    assert not Query.parse("de la que está", "es")
    assert not Query.parse("mas", "es")  # "más" is a stop word, typed with or without accent
    assert found("de la") == []


def test_a_typo_in_a_spanish_title_finds_the_page(reviewer):
    guide = spanish_guide(reviewer, "Sample curve", "Muestra de escoliosis")
    refresh_documents([guide.pk])
    assert found("escolosis") == [guide.url_in("es")]
    assert found("escolio") == [guide.url_in("es")]  # the start of the word


def test_spanish_snippets_mark_the_words_as_written(reviewer):
    guide = spanish_guide(
        reviewer,
        "Sample ache",
        "Muestra de dolor",
        summary="Texto de muestra: una molestia en la zona torácica.",
    )
    refresh_documents([guide.pk])
    (result,) = search.search("toracica", language="es").object_list
    assert str(result.snippet) == "Texto de muestra: una molestia en la zona <mark>torácica</mark>."


def test_three_letter_words_are_taken_whole_not_as_the_start_of_longer_words():
    arm = make_guide(make_condition("Sample alpha", summary="Sample text on an arm."))
    armchair = make_guide(make_condition("Sample beta", summary="Sample text on armchairs."))
    refresh_documents([arm.pk, armchair.pk])
    assert found("arm", language="en") == [arm.url_in("en")]
    assert found("armc", language="en") == [armchair.url_in("en")]  # four letters: a start


# --------------------------------------------------------------------------- in step


def test_the_spanish_document_follows_the_spanish_state_as_changes_commit(reviewer, committed):
    """Written by the change signal's receivers, in order, with no search in between: the
    Spanish state first, then the index by the state just stored."""
    guide = spanish_guide(reviewer, "Sample dingo", "Muestra de dingo")
    refresh_documents([guide.pk])
    assert set(documents_of(guide)) == {"en", "es"}

    symptom = make_record(Symptom, "Sample untranslated howl")
    with committed():
        list_on(guide.condition, symptom)
    assert Article.objects.get(pk=guide.pk).spanish_state == SpanishState.INCOMPLETE
    assert set(documents_of(guide)) == {"en"}  # withdrawn from Spanish search at once
    assert found("dingo") == []

    with committed():
        symptom.name_es = "Aullido de muestra"
        symptom.save()
    # Whole again and reviewed before: public again, flagged out of date.
    assert Article.objects.get(pk=guide.pk).spanish_state == SpanishState.OUT_OF_DATE
    assert "Aullido de muestra" in SearchDocument.objects.get(article=guide, language="es").records
    assert not stale_pages().exists()
    assert found("aullido") == [guide.url_in("es")]


def test_a_review_marked_without_a_change_is_found_at_the_next_search(reviewer):
    guide = translate_page(make_guide(make_condition("Sample potoroo")))
    guide.title_es = "Muestra de potorú"
    guide.save()
    refresh_documents([guide.pk])
    assert set(documents_of(guide)) == {"en"}

    translation_status.mark_reviewed(guide, reviewer)  # an UPDATE: no change signal
    assert stale_pages().filter(pk=guide.pk).exists()  # its Spanish document is missing
    assert found("potoru") == [guide.url_in("es")]  # the search wrote it first


def test_a_stale_spanish_document_is_never_read_once_the_page_leaves_spanish(reviewer):
    guide = spanish_guide(reviewer, "Sample bilby", "Muestra de bilbi")
    refresh_documents([guide.pk])
    # The state changed by a path that sends no signal: the old document is still there.
    Article.objects.filter(pk=guide.pk).update(spanish_state=SpanishState.INCOMPLETE)
    assert set(documents_of(guide)) == {"en", "es"}
    assert found("bilbi") == []


def test_a_page_with_all_the_words_comes_before_one_with_some_of_them_often():
    some = make_guide(
        make_condition("Sample alpha", summary="Sample quagga, quagga and quagga again."),
    )
    all_words = make_guide(
        make_condition("Sample beta", summary="Sample quagga."),
        body="<p>Sample text about a zorilla.</p>",
    )
    refresh_documents([some.pk, all_words.pk])
    assert found("quagga zorilla", language="en") == [all_words.url_in("en"), some.url_in("en")]
