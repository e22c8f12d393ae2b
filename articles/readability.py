"""Offline readability and tidiness checks for patient-education rich text.

Everything here is pure Python from the standard library: no word lists are downloaded and
no network is touched, so it is safe to run in the admin, in tests and in CI.

* ``visible_text`` turns sanitised rich-text HTML into the text a reader sees, one block
  (paragraph, heading, list item, quotation, line break) per line.
* ``readability`` gives Flesch-Kincaid grade level and Flesch reading ease for plain text.
* ``count_syllables`` is the English syllable heuristic behind it.
* ``text_counts`` counts words, sentences and syllables by the rules below; the Spanish
  measure (``articles.readability_es``) uses it with its own syllables and abbreviations.
* ``mojibake``, ``insecure_links`` and ``empty_sections`` find things an editor should fix.

Counting rules (they decide the numbers, so they are stated here once):

* A line break always ends a sentence; so do ``.``, ``!``, ``?`` and ``…`` at the end of a
  token (closing quotes or brackets after them are allowed). A token that is one of the
  language's abbreviations (``ABBREVIATIONS`` in English) followed by a full stop ("Dr.",
  "e.g.") does not end a sentence. Sentences without a word in them are ignored. Plain
  text that is hard-wrapped (a line break inside a sentence) should be unwrapped first, or
  every line counts as a sentence.
* A word is a whitespace-separated token with at least one letter in it, after trimming
  punctuation from both ends. Em and en dashes and slashes separate words; a hyphenated
  word ("well-known") is one word with the syllables of its parts.
* Tokens without a letter ("20%", "2024", "3.5") are skipped: they are neither words nor
  syllables. This slightly flatters text full of figures, which is rare in our pages.
* Grades are not clamped: very simple text can score below zero.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser

__all__ = [
    "ABBREVIATIONS",
    "SYLLABLE_EXCEPTIONS",
    "TARGET_GRADE",
    "Readability",
    "TextCounts",
    "count_syllables",
    "empty_sections",
    "insecure_links",
    "mojibake",
    "readability",
    "text_counts",
    "visible_text",
]

TARGET_GRADE = 8

# Lower-case, without the final full stop: "Dr." -> "dr", "e.g." -> "e.g".
ABBREVIATIONS = frozenset({"dr", "mr", "mrs", "ms", "e.g", "i.e", "vs", "etc", "st"})

BLOCK_TAGS = frozenset(
    {"p", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "br", "div"}
)
HEADING_LEVELS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
HIDDEN_TAGS = frozenset({"script", "style", "template"})


# --------------------------------------------------------------------------- HTML


class _TextCollector(HTMLParser):
    """Collects visible text as a list of blocks; entities are unescaped by the parser."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._current: list[str] = []
        self._hidden = 0

    def _break(self):
        text = " ".join("".join(self._current).split())
        if text:
            self.blocks.append(text)
        self._current = []

    def handle_starttag(self, tag, attrs):
        if tag in HIDDEN_TAGS:
            self._hidden += 1
        elif tag in BLOCK_TAGS:
            self._break()

    def handle_endtag(self, tag):
        if tag in HIDDEN_TAGS:
            self._hidden = max(0, self._hidden - 1)
        elif tag in BLOCK_TAGS:
            self._break()

    def handle_data(self, data):
        if not self._hidden:
            self._current.append(data)

    def close(self):
        super().close()
        self._break()


def visible_text(html: str) -> str:
    """The text a reader sees in rich-text HTML, one block per line.

    Tags are dropped and entities unescaped. Paragraphs, headings, list items, block
    quotations and ``<br>`` each end a line, so a list item without a full stop still
    counts as its own sentence in ``readability``. Whitespace inside a block is collapsed
    as a browser would (``&nbsp;`` included).
    """
    collector = _TextCollector()
    collector.feed(html or "")
    collector.close()
    return "\n".join(collector.blocks)


class _LinkCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name == "href" and value is not None:
                self.hrefs.append(value.strip())


def insecure_links(html: str) -> list[str]:
    """The ``href`` values that start with ``http://`` (any case), in document order."""
    collector = _LinkCollector()
    collector.feed(html or "")
    collector.close()
    return [href for href in collector.hrefs if href.lower().startswith("http://")]


class _SectionCollector(HTMLParser):
    """Flattens a document into headings (level, text) and body text (None, text)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.items: list[tuple[int | None, str]] = []
        self._heading: int | None = None
        self._heading_text: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in HIDDEN_TAGS:
            self._hidden += 1
        elif tag in HEADING_LEVELS:
            self._heading = HEADING_LEVELS[tag]
            self._heading_text = []

    def handle_endtag(self, tag):
        if tag in HIDDEN_TAGS:
            self._hidden = max(0, self._hidden - 1)
        elif tag in HEADING_LEVELS and self._heading is not None:
            self.items.append((self._heading, " ".join("".join(self._heading_text).split())))
            self._heading = None

    def handle_data(self, data):
        if self._hidden:
            return
        if self._heading is not None:
            self._heading_text.append(data)
        elif data.strip():
            self.items.append((None, data))


def empty_sections(html: str) -> list[str]:
    """Texts of headings (h2-h4, or any level) with no body text in their section.

    A heading's section runs until the next heading of the same or a higher level (a lower
    number) or the end. Only body text counts: a section whose only content is
    sub-headings, themselves empty, is empty too.
    """
    collector = _SectionCollector()
    collector.feed(html or "")
    collector.close()
    items = collector.items
    empty = []
    for index, (level, text) in enumerate(items):
        if level is None:
            continue
        has_text = False
        for other_level, _ in items[index + 1 :]:
            if other_level is None:
                has_text = True
                break
            if other_level <= level:
                break
        if not has_text:
            empty.append(text)
    return empty


# --------------------------------------------------------------------------- mojibake


def _cp1252_chars(first: int, last: int) -> str:
    chars = []
    for byte in range(first, last + 1):
        try:
            chars.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:  # 0x81, 0x8D, 0x8F, 0x90 and 0x9D are undefined
            continue
    return "".join(chars)


# UTF-8 continuation bytes (0x80-0xBF) as they look when read as Windows-1252.
_CONTINUATION = re.escape(_cp1252_chars(0x80, 0xBF))
_MOJIBAKE = re.compile(
    "|".join(
        [
            r"\?*\ufffd[\ufffd?]*",  # the replacement character, often with "?" beside it
            rf"â[€„][{_CONTINUATION}]?",  # ’ “ ” – — … ™ read as Windows-1252: â€™, â€œ, â„¢
            rf"[ÂÃÅ][{_CONTINUATION}]",  # Latin-1 letters and symbols: Ã©, Ã¼, Â°, Â + nbsp
            r"Â ",  # a no-break space whose "Â" survived but whose nbsp became a space
            "ï»¿",  # a byte-order mark
        ]
    )
)
MOJIBAKE_CONTEXT = 10  # characters kept on each side of a broken fragment


def mojibake(text: str) -> list[str]:
    """Fragments of ``text`` that look like broken characters, with a little context.

    Looks for U+FFFD (with any "?" beside it, as in "?�") and the usual UTF-8-read-as-
    Windows-1252 sequences ("â€™", "â€œ", "Ã©", "Â "). Each snippet is the fragment with
    about ``MOJIBAKE_CONTEXT`` characters either side (a fragment that falls inside the
    previous snippet extends it rather than starting another), whitespace collapsed.
    Distinct snippets are returned in order of appearance. Correct curly quotes and
    accented letters are not flagged.
    """
    text = text or ""
    windows: list[list[int]] = []
    for match in _MOJIBAKE.finditer(text):
        start = max(0, match.start() - MOJIBAKE_CONTEXT)
        end = min(len(text), match.end() + MOJIBAKE_CONTEXT)
        if windows and match.start() < windows[-1][1]:  # already shown in the last snippet
            windows[-1][1] = max(windows[-1][1], end)
        else:
            windows.append([start, end])
    snippets: list[str] = []
    for start, end in windows:
        snippet = " ".join(text[start:end].split())
        if snippet and snippet not in snippets:
            snippets.append(snippet)
    return snippets


# --------------------------------------------------------------------------- syllables

# Common words the rules below get wrong (checked against the CMU Pronouncing Dictionary).
SYLLABLE_EXCEPTIONS = {
    "anyone": 3,
    "business": 2,
    "colonel": 2,
    "cooperate": 4,
    "coordinate": 4,
    "element": 3,
    "everyone": 3,
    "eye": 1,
    "maybe": 2,
    "naive": 2,
    "once": 1,
    "recipe": 3,
    "science": 2,
    "simile": 3,
    "someone": 2,
    "whereas": 2,
    "wednesday": 2,
}

_VOWELS = "aeiouy"
# A run of vowels; y is a vowel unless a vowel follows it (yes, player, beyond).
_VOWEL_GROUP = re.compile(r"(?:[aeiou]|y(?![aeiou]))+")
_SUFFIXES = ("ness", "less", "ment", "ful", "ly", "ty")
# Compounds whose first part ends in a silent e: something, barefoot, therefore.
_COMPOUND_HEADS = (
    "some",
    "bare",
    "care",
    "home",
    "life",
    "time",
    "there",
    "fire",
    "whole",
    "like",
    "side",
    "base",
    "wise",
    "safe",
    "lone",
    "sure",
    "make",
    "take",
)
# Endings whose last vowel group is silent or merged: technique, fatigue, basically.
_SILENT_ENDINGS = re.compile(r"que$|(?<=[aeioun])gue$|ically$")
# Letter pairs a vowel-group count merges but English says as two syllables.
_HIATUS = [
    re.compile(r"(?<![cstgx])ia|(?<=[cst])iat"),  # media, trial, associate (not social)
    re.compile(r"(?<![cstgxh])(?<!ll)(?<!n)io"),  # radio, biology (not nation, million)
    re.compile(r"(?<![cst])ien[tc]|scien"),  # client, ingredient, science (not patient)
    re.compile(
        r"(?<![aeo])iet|(?:(?<=[aeiouy][^aeiou])|(?<=[aeiouy][^aeiou]{2}))(?:ier|iest)$"
    ),  # diet, happier
    re.compile(r"(?<![qg])ua"),  # usual, actual, situation (not equal, language)
    re.compile(r"(?<![qg])ue[nlt]"),  # fluent, cruel, duet (not sequence, guest)
    re.compile(r"iu"),  # medium, calcium
    re.compile(r"(?<![gp])eo|^geo"),  # video, theory, geography (not people, surgeon)
    re.compile(r"(?<=[aeiou][^aeiou])ea$|creat(?!u)|^react"),  # idea, area, create, react
    re.compile(r"[aeiou]ing$|[^aeiou]ying$"),  # being, going, continuing, lying, studying
    re.compile(r"(?<=[lr])ui[dn]"),  # fluid, ruin (not build, fruit)
    re.compile(r"(?:sm|thm)$"),  # spasm, enthusiasm, rhythm
    re.compile(r"^(?:reus|reinf|reint|reapp|reass|preex|preop)"),  # reuse, pre-op...
]
_SIBILANT_END = re.compile(r"(?:[sxzcg]|ch|sh)e$")


def _letters(word: str) -> str:
    """Lower-case ASCII letters only: accents dropped, apostrophes and digits removed."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in decomposed if "a" <= ch <= "z")


def _syllabic_le(word: str) -> bool:
    """Whether a word ending in "le" or "re" says it as a syllable: table, centre, not whole."""
    return len(word) > 2 and word[-2] in "lr" and word[-1] == "e" and word[-3] not in "aeiouylr"


def _raw_syllables(word: str) -> int:
    """The rule-based count for one lower-case, letters-only word (may return 0)."""
    if word in SYLLABLE_EXCEPTIONS:
        return SYLLABLE_EXCEPTIONS[word]
    # Plurals and third person: "tables" like "table"; "boxes", "pieces" add a syllable.
    if (
        len(word) > 3
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is"))
        and any(ch in _VOWELS for ch in word[:-1])
    ):
        base = word[:-1]
        extra = 1 if _SIBILANT_END.search(base) else 0
        return max(1, _stem_syllables(base)) + extra
    # Past tense: "-ed" is silent except after t or d ("wanted") and in "-led"/"-red"
    # after a consonant ("tickled", "hundred"), which keep the "-le"/"-re" syllable.
    if len(word) > 3 and word.endswith("ed") and word[-3] not in "aeioutd":
        stem = word[:-2]
        if _syllabic_le(stem + "e"):
            stem += "e"
        return max(1, _stem_syllables(stem))
    return _stem_syllables(word)


def _silent_e_before_suffix(word: str) -> bool:
    stem = word
    while stem.endswith(_SUFFIXES):
        stem = stem[: -len(next(s for s in _SUFFIXES if stem.endswith(s)))]
    return (
        stem != word
        and len(stem) > 2
        and stem.endswith("e")
        and stem[-2] not in _VOWELS
        and any(ch in "aeiou" for ch in stem[:-2])
        and not _syllabic_le(stem)
    )


def _silent_e_in_compound(word: str) -> bool:
    return any(
        word.startswith(head)
        and word[len(head) : len(head) + 1] not in ("", *_VOWELS)
        and _VOWEL_GROUP.search(word, len(head)) is not None
        for head in _COMPOUND_HEADS
    )


def _stem_syllables(word: str) -> int:
    """The count for a word without an -s or -ed ending to take off first."""
    if word in SYLLABLE_EXCEPTIONS:
        return SYLLABLE_EXCEPTIONS[word]
    count = len(_VOWEL_GROUP.findall(word))
    # Final e after a consonant is silent (make, the) unless it is a syllabic -le/-re.
    if len(word) > 2 and word.endswith("e") and word[-2] not in _VOWELS and not _syllabic_le(word):
        count -= 1
    # A silent e inside the word, before a suffix ("completely", "movement", "hopelessly")
    # or at the end of a compound's first part ("something", "barefoot"): one at most.
    if _silent_e_before_suffix(word) or _silent_e_in_compound(word):
        count -= 1
    count -= len(_SILENT_ENDINGS.findall(word))
    for pattern in _HIATUS:
        count += len(pattern.findall(word))
    return count


def count_syllables(word: str) -> int:
    """Estimate the syllables in one English word, offline; at least 1 for any word.

    The heuristic counts vowel groups (a, e, i, o, u, and y when it is not before a
    vowel), then corrects for a silent final e ("make"), syllabic "-le"/"-re" ("table",
    "centre"), "-es" and "-ed" endings ("boxes" 2 but "makes" 1, "wanted" 2 but "jumped"
    1), a silent e before -ly/-ment/-ful/-less/-ness ("completely"), "-n't" after a
    consonant ("didn't" 2), and vowel pairs said as two syllables ("media", "radio",
    "diet", "usual", "video", "idea", "going", "spasm"). ``SYLLABLE_EXCEPTIONS`` fixes a
    few common words the rules miss. Hyphenated words are the sum of their parts; accents
    are ignored except a final "é" ("café"), and digits do not count.

    Accuracy, measured offline against the CMU Pronouncing Dictionary (a count is right if
    it matches any pronunciation listed there), on words the dictionary knows:

    * 98.9% of the 810 distinct words in the demo clinic's pages (the rules were tuned on
      these, so this figure flatters);
    * 98.5% of the 978 distinct words of the GNU GPL v3 text and 98.1% of the 432 of the
      Apache 2.0 licence (used only as a check; a few plain rule bugs they showed were
      fixed), 99.6% and 98.8% of their running words;
    * 93.6% of all 117,000 alphabetic dictionary entries, which are mostly names and rare
      words.

    So expect it to be one syllable out on a word now and then (compounds, names,
    "realign", "entire"); that is fine for a grade over a paragraph, not for scansion.
    """
    total = 0
    for part in re.split(r"[-\u2010\u2011]+", word.replace("\u2019", "'")):
        letters = _letters(part)
        if not letters:
            continue
        if part.isupper() and 2 <= len(letters) <= 4 and not any(ch in "aeiou" for ch in letters):
            # An initialism said letter by letter: DC, PT, NHS ("w" is "double-u").
            total += sum(3 if ch == "w" else 1 for ch in letters)
            continue
        count = max(1, _raw_syllables(letters))
        if part.lower().removesuffix("s").endswith("é") and letters[-2:-1] not in ("", *_VOWELS):
            count += 1  # a written accent is never silent: café, cliché, résumé
        if part.lower().endswith("n't") and len(letters) > 3 and letters[-3] not in _VOWELS:
            count += 1  # didn't, couldn't, isn't (but don't, can't, won't)
        total += count
    return max(1, total)


# --------------------------------------------------------------------------- readability


@dataclass(frozen=True)
class Readability:
    words: int
    sentences: int
    syllables: int
    grade: float  # Flesch-Kincaid grade level, rounded to 1 decimal
    reading_ease: float  # Flesch reading ease, rounded to 1 decimal

    @property
    def meets_target(self) -> bool:
        return self.grade <= TARGET_GRADE


_WORD_SEPARATORS = re.compile(r"[\u2013\u2014\u2015/]|--+")
_OPENING = "([{\"'“‘«¿¡"
_CLOSING = ")]}\"'”’»"
_EDGE_PUNCTUATION = _OPENING + _CLOSING + ".,;:!?…*_~`<>|=+^"


def _ends_sentence(token: str, abbreviations: frozenset[str]) -> bool:
    core = token.rstrip(_CLOSING)
    if not core.endswith((".", "!", "?", "…")):
        return False
    if core.endswith(".") and not core.endswith(".."):
        stem = core.lstrip(_OPENING)[:-1].lower()
        if stem in abbreviations:
            return False
    return True


def _word(token: str) -> str | None:
    word = token.strip(_EDGE_PUNCTUATION + "-‐‑")
    return word if any(ch.isalpha() for ch in word) else None


@dataclass(frozen=True)
class TextCounts:
    words: int
    sentences: int
    syllables: int


def text_counts(
    text: str,
    *,
    count_syllables: Callable[[str], int] = count_syllables,
    abbreviations: frozenset[str] = ABBREVIATIONS,
) -> TextCounts | None:
    """Words, sentences and syllables of plain text, by the rules in the module docstring;
    None if it has no words. Another language passes its own syllable counter and
    abbreviations (``articles.readability_es`` does)."""
    words = sentences = syllables = 0
    for line in (text or "").splitlines():
        words_in_sentence = 0
        for token in _WORD_SEPARATORS.sub(" ", line).split():
            word = _word(token.replace("’", "'"))
            if word is not None:
                words += 1
                words_in_sentence += 1
                syllables += count_syllables(word)
            if _ends_sentence(token, abbreviations) and words_in_sentence:
                sentences += 1
                words_in_sentence = 0
        if words_in_sentence:
            sentences += 1
    if not words:
        return None
    return TextCounts(words=words, sentences=sentences, syllables=syllables)


def readability(text: str) -> Readability | None:
    """Flesch-Kincaid grade and Flesch reading ease of plain text; None if it has no words.

    Pass ``visible_text(html)`` for rich text. See the module docstring for how words,
    sentences and syllables are counted.
    """
    counts = text_counts(text)
    if counts is None:
        return None
    words_per_sentence = counts.words / counts.sentences
    syllables_per_word = counts.syllables / counts.words
    grade = 0.39 * words_per_sentence + 11.8 * syllables_per_word - 15.59
    ease = 206.835 - 1.015 * words_per_sentence - 84.6 * syllables_per_word
    return Readability(
        words=counts.words,
        sentences=counts.sentences,
        syllables=counts.syllables,
        grade=round(grade, 1),
        reading_ease=round(ease, 1),
    )
