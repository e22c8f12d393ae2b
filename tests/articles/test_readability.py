"""Offline readability and tidiness checks (articles.readability).

Sample text in this file is marked as such. The only clinical sentences are quoted from the
seed (the clinic's published page on leg spasms and cramps).
"""

import ast
import socket
import sys
from pathlib import Path

import pytest

from articles import readability as readability_module
from articles import readability_es as readability_es_module
from articles.readability import (
    SYLLABLE_EXCEPTIONS,
    TARGET_GRADE,
    Readability,
    count_syllables,
    empty_sections,
    insecure_links,
    mojibake,
    readability,
    visible_text,
)

# Quoted from the seed page.
SEED_PARAGRAPH = (
    "Leg spasms and cramps are common conditions where the muscles in the leg suddenly "
    "become tight and painful. They present with no warning and can cause excruciating "
    "and debilitating pain."
)

# Syllable counts as given by a pronouncing dictionary (each checked against the CMU
# Pronouncing Dictionary, which lists one count for every word here). Words with two
# common pronunciations ("every", "family", "tightening") are left out on purpose.
KNOWN_SYLLABLES = {
    "the": 1,
    "cramp": 1,
    "leg": 1,
    "pain": 1,
    "tight": 1,
    "jumped": 1,
    "makes": 1,
    "walked": 1,
    "health": 1,
    "chair": 1,
    "strength": 1,
    "through": 1,
    "thought": 1,
    "breathe": 1,
    "muscle": 2,
    "table": 2,
    "water": 2,
    "painful": 2,
    "sudden": 2,
    "common": 2,
    "warning": 2,
    "simple": 2,
    "people": 2,
    "reading": 2,
    "weather": 2,
    "wanted": 2,
    "boxes": 2,
    "happy": 2,
    "yellow": 2,
    "doctor": 2,
    "quickly": 2,
    "spasms": 2,
    "window": 2,
    "garden": 2,
    "rainy": 2,
    "sunshine": 2,
    "cloudy": 2,
    "notebook": 2,
    "breakfast": 2,
    "paper": 2,
    "evening": 2,
    "music": 2,
    "quiet": 2,
    "stretches": 2,
    "hundred": 2,
    "suddenly": 3,
    "condition": 3,
    "article": 3,
    "bicycle": 3,
    "beautiful": 3,
    "exercise": 3,
    "library": 3,
    "umbrella": 3,
    "afternoon": 3,
    "elephant": 3,
    "computer": 3,
    "tomorrow": 3,
    "holiday": 3,
    "newspaper": 3,
    "animal": 3,
    "banana": 3,
    "idea": 3,
    "radio": 3,
    "video": 3,
    "area": 3,
    "inflammation": 4,
    "dehydration": 4,
    "chiropractic": 4,
    "education": 4,
    "information": 4,
    "excruciating": 5,
    "debilitating": 5,
    "readability": 5,
}


def syllable_accuracy():
    right = [word for word, count in KNOWN_SYLLABLES.items() if count_syllables(word) == count]
    return len(right) / len(KNOWN_SYLLABLES)


# --------------------------------------------------------------------------- syllables


def test_the_syllable_word_list_measures_the_rules_not_the_exceptions_dict():
    assert len(KNOWN_SYLLABLES) >= 30
    assert not set(KNOWN_SYLLABLES) & set(SYLLABLE_EXCEPTIONS)


def test_syllable_heuristic_is_right_on_at_least_90_percent_of_common_words():
    wrong = {
        word: (count_syllables(word), count)
        for word, count in KNOWN_SYLLABLES.items()
        if count_syllables(word) != count
    }
    accuracy = syllable_accuracy()
    print(f"syllable accuracy {accuracy:.1%} on {len(KNOWN_SYLLABLES)} words; wrong: {wrong}")
    assert accuracy >= 0.9, wrong


def test_a_hyphenated_word_has_the_syllables_of_its_parts():
    assert count_syllables("well-known") == count_syllables("well") + count_syllables("known")
    assert count_syllables("non‑stop") == 2  # a non-breaking hyphen


def test_every_word_has_at_least_one_syllable():
    assert count_syllables("hmm") == 1
    assert count_syllables("the") == 1


def test_syllables_ignore_case_accents_and_apostrophes():
    assert count_syllables("Table") == 2
    assert count_syllables("café") == 2
    assert count_syllables("it’s") == 1
    assert count_syllables("didn't") == 2
    assert count_syllables("don't") == 1


def test_the_exceptions_dict_overrides_the_rules():
    assert count_syllables("business") == SYLLABLE_EXCEPTIONS["business"] == 2


# --------------------------------------------------------------------------- readability


def test_computed_values_match_the_formulas_for_a_hand_counted_example():
    # Sample text. Hand count: Read-ing is a pleas-ant hab-it (5 words, 8 syllables);
    # The weath-er to-day is sun-ny (5 words, 8 syllables); 2 sentences.
    result = readability("Reading is a pleasant habit. The weather today is sunny.")
    assert (result.words, result.sentences, result.syllables) == (10, 2, 16)
    grade = 0.39 * (10 / 2) + 11.8 * (16 / 10) - 15.59
    ease = 206.835 - 1.015 * (10 / 2) - 84.6 * (16 / 10)
    assert result.grade == round(grade, 1) == 5.2
    assert result.reading_ease == round(ease, 1) == 66.4
    assert result == Readability(words=10, sentences=2, syllables=16, grade=5.2, reading_ease=66.4)


def test_a_simple_passage_grades_lower_than_a_complex_one():
    # Sample text.
    simple = "The sun is out. We can read in the park. The air is warm and still."
    # Sample text.
    complex_ = (
        "Comprehensive understanding of complicated administrative documentation "
        "occasionally necessitates considerable concentration, particularly when "
        "unfamiliar terminology appears repeatedly throughout lengthy publications."
    )
    easy, hard = readability(simple), readability(complex_)
    assert easy.grade < hard.grade
    assert easy.reading_ease > hard.reading_ease
    assert easy.meets_target
    assert not hard.meets_target


def test_short_one_syllable_words_give_a_low_grade():
    # Sample text.
    result = readability("The cat sat on the mat. The sun is hot. We read a book.")
    assert result.syllables == result.words == 14
    assert result.grade < 1
    assert result.meets_target


def test_the_seed_paragraph_counts_match_a_pronouncing_dictionary():
    result = readability(SEED_PARAGRAPH)
    # Every word's count agrees with the CMU Pronouncing Dictionary: 49 syllables in all.
    assert (result.words, result.sentences, result.syllables) == (30, 2, 49)
    assert result.grade == 9.5
    assert result.grade > TARGET_GRADE
    assert not result.meets_target


def test_meets_target_is_grade_at_most_eight():
    assert Readability(words=1, sentences=1, syllables=1, grade=8.0, reading_ease=0).meets_target
    assert not Readability(
        words=1, sentences=1, syllables=1, grade=8.1, reading_ease=0
    ).meets_target


def test_no_words_gives_none():
    assert readability("") is None
    assert readability("   \n 20% 2024 3.5 — … ") is None


def test_numbers_are_not_words():
    # Sample text.
    assert readability("About 20% of the 30 days were wet.").words == 6


def test_abbreviations_do_not_end_a_sentence():
    # Sample text.
    result = readability("Dr. Smith likes books, e.g. novels and plays. Mrs. Jones reads too.")
    assert result.sentences == 2


def test_question_and_exclamation_marks_end_sentences_and_empty_ones_are_ignored():
    # Sample text.
    result = readability("Is it raining? Yes! ... It is wet.")
    assert result.sentences == 3


def test_a_hyphenated_word_counts_as_one_word():
    # Sample text.
    result = readability("A well-known book.")
    assert result.words == 3
    assert result.syllables == 4


def test_dashes_and_slashes_separate_words():
    # Sample text.
    assert readability("Rain—or snow—and/or wind.").words == 6


# --------------------------------------------------------------------------- visible text


def test_visible_text_drops_tags_and_unescapes_entities():
    html = "<p>Read <strong>slowly</strong> &amp; <em>often</em>,&nbsp;<a href='/x'>here</a>.</p>"
    assert visible_text(html) == "Read slowly & often, here."


def test_visible_text_keeps_list_items_and_blocks_as_separate_sentences():
    # Sample text.
    html = (
        "<h2>Before a walk</h2><p>Check the weather</p>"
        "<ul><li>Take a coat</li><li>Bring <em>water</em></li></ul>"
        "<blockquote>Rain is likely</blockquote><p>Line one<br>Line two</p>"
    )
    text = visible_text(html)
    assert text.splitlines() == [
        "Before a walk",
        "Check the weather",
        "Take a coat",
        "Bring water",
        "Rain is likely",
        "Line one",
        "Line two",
    ]
    assert "<" not in text
    assert readability(text).sentences == 7


def test_visible_text_of_empty_html_is_empty():
    assert visible_text("") == ""
    assert readability(visible_text("<p> </p>")) is None


# --------------------------------------------------------------------------- mojibake


def test_mojibake_finds_replacement_characters_and_windows_1252_sequences():
    # Sample text, broken the way the seed pages were.
    text = (
        "On a cold day it\ufffd??s nice to read. "
        "The bookâ€™s cover was green and very worn. "
        "The Short Foot?\ufffd chapter is the longest one."
    )
    found = mojibake(text)
    assert len(found) == 3
    assert "it\ufffd??s" in found[0]
    assert "â€™" in found[1]
    assert "Short Foot?\ufffd" in found[2]
    assert all(len(snippet) <= 40 for snippet in found)


def test_mojibake_finds_accents_and_spaces_read_as_windows_1252():
    # Sample text.
    found = mojibake("We met at the cafÃ© at noon and talked for an hour. Â It rained.")
    assert any("cafÃ©" in snippet for snippet in found)
    assert any("Â " in snippet for snippet in found)
    assert any("â€œ" in snippet for snippet in mojibake("He said â€œhelloâ€ and left."))


def test_mojibake_returns_distinct_snippets_in_order():
    # Sample text.
    text = "cafÃ© " + "x" * 30 + " cafÃ© " + "y" * 30 + " â€™ end"
    found = mojibake(text)
    assert found[0].startswith("cafÃ©")
    assert found[-1].endswith("â€™ end")
    assert len(found) == len(set(found)) == 3


def test_mojibake_finds_nothing_in_clean_text():
    # Sample text.
    clean = "It’s a “good” day — said Araújo, at the café in São Paulo; naïve Zoë agreed."
    assert mojibake(clean) == []


# --------------------------------------------------------------------------- links, sections


def test_insecure_links_finds_http_but_not_https_or_mailto():
    html = (
        '<p><a href="http://example.com/a">a</a> <a href="https://example.com/b">b</a> '
        '<a href="mailto:someone@example.com">c</a> <a href="HTTP://EXAMPLE.COM/D">d</a> '
        '<a href="tel:+15550100">e</a> <a href="/local">f</a></p>'
    )
    assert insecure_links(html) == ["http://example.com/a", "HTTP://EXAMPLE.COM/D"]


def test_insecure_links_of_plain_text_is_empty():
    assert insecure_links("see http://example.com") == []


def test_empty_sections_finds_a_heading_with_no_text_after_it():
    # Sample text.
    html = (
        "<h2>Weather</h2><p>It may rain.</p>"
        "<h2>Reading</h2>"
        "<h2>Walking</h2><h3>Shoes</h3><p>Wear good shoes.</p>"
        "<h3>Maps</h3>"
    )
    assert empty_sections(html) == ["Reading", "Maps"]


def test_a_section_with_only_empty_subheadings_is_empty():
    # Sample text.
    html = "<h2>Outer</h2><h3>Inner</h3><h2>Next</h2><p>Text.</p>"
    assert empty_sections(html) == ["Outer", "Inner"]


def test_no_empty_sections_when_every_heading_has_text():
    # Sample text.
    assert empty_sections("<h2>A <em>title</em></h2><ul><li>item</li></ul>") == []


# --------------------------------------------------------------------------- offline


def test_readability_uses_no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("readability tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    with pytest.raises(AssertionError):
        socket.create_connection(("127.0.0.1", 9))  # the guard is in place

    result = readability(visible_text(f"<p>{SEED_PARAGRAPH}</p>"))
    assert result.words == 30
    assert count_syllables("chiropractic") == 4
    assert mojibake(SEED_PARAGRAPH) == []


@pytest.mark.parametrize("module", [readability_module, readability_es_module])
def test_the_module_imports_only_the_standard_library(module):
    tree = ast.parse(Path(module.__file__).read_text())
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            imported.add("." * node.level + (node.module or "").split(".")[0])
    assert imported
    # The Spanish module counts words and sentences with the English one's text_counts.
    assert imported <= set(sys.stdlib_module_names) | {"__future__", ".readability"}
