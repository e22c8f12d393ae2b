"""Spanish readability: the Szigriszt-Pazos perspicuity index read on the INFLESZ scale.

Pure Python from the standard library, offline, like ``articles.readability`` (whose word
and sentence rules it shares through ``text_counts``; only syllables and abbreviations
are Spanish here).

**The measure.** Szigriszt-Pazos (1993) adapted Flesch's reading ease to Spanish::

    score = 206.835 - 62.3 * syllables / words - words / sentences

Barrio-Cantalejo et al. validated a scale for it on 630 samples of Spanish reading (adult
press, school books, scientific journals) and named it INFLESZ:

=============  ======================  ====================
score          banda (INFLESZ)         band
=============  ======================  ====================
under 40       muy difícil             very difficult
40 to 55       algo difícil            somewhat difficult
55 to 65       normal                  normal
65 to 80       bastante fácil          quite easy
80 and over    muy fácil               very easy
=============  ======================  ====================

The published ranges share their end points (40-55, 55-65); here a band starts at its
number, so 55.0 is "normal". Scores are not clamped to 0-100. **The target for patient
pages is 55 or higher**: "normal" or easier, the band of ordinary adult reading (the
general press for adults scored 60 on average in that study).

Why this one and not Fernández-Huerta (1959): INFLESZ was validated on a random sample of
present-day Spanish and for texts aimed at patients, which is what we write. Fernández-
Huerta's formula is widely printed with an error (its sentence term read as "sentences
per 100 words", so shorter sentences would score worse; Law 2011 pointed out that it must
be words per sentence), and its grade bands come from 1950s Spanish schooling.

* Szigriszt Pazos F. *Sistemas predictivos de legibilidad del mensaje escrito: fórmula
  de perspicuidad* [doctoral thesis]. Universidad Complutense de Madrid; 1993.
* Barrio-Cantalejo IM, Simón-Lorda P, Melguizo M, Escalona I, Marijuán MI, Hernando P.
  Validación de la Escala INFLESZ para evaluar la legibilidad de los textos dirigidos a
  pacientes. *An Sist Sanit Navar*. 2008;31(2):135-152.
* Law G. Error in the Fernandez Huerta readability formula. LINGUIST List 22.2332; 2011.

**Syllables** are counted by rule (``count_syllables``), following the Real Academia
Española's conventions for which vowel sequences are one syllable (*Ortografía de la
lengua española*, 2010, §3.4.2), so every speaker's division is the same:

* each syllable has one vowel nucleus; vowels in contact share one when at least one of
  them is an unstressed i or u (diphthongs and triphthongs: *ciu-dad*, *pie*, *buey*,
  *a-ve-ri-guáis*), and are apart when both are a, e or o (*te-a-tro*, *le-er*), when one
  is a stressed í or ú beside a, e or o (*dí-a*, *o-í-do*, *ba-úl*), or when the same
  vowel is written twice (*chi-i-ta*, *an-ti-in-fla-ma-to-rio*); i beside u is always one
  (*cui-da-do*, *cons-truí*) unless the accent is on the first, which marks two (*sí-u*);
* an unstressed i or u between two of a, e, o goes with the second (*ca-ca-hue-te*,
  *pa-ra-no-ia*); i and u that go with no a, e or o make a syllable, one or two together
  (*re-huir*, *chi-hua-hua*);
* *h* is silent and does not separate vowels (*prohi-bir*, *de-sahu-cio*, *bú-ho*);
* the *u* of *que*, *qui*, *gue*, *gui* is silent (*gui-ta-rra*, *guí-a*, *guion* is one
  syllable); *ü* is said (*pin-güi-no*);
* *y* is a vowel when no vowel follows it (*y*, *muy*, *hoy*, *es-toy*), a consonant
  before one (*a-yer*, *ma-yo*);
* an initialism without vowels is said letter by letter (*TC*: te-ce).

Those conventions fix a few sequences that some speakers say as two syllables (*guion*,
*reunir*, *fluido* count as the RAE writes them). The accuracy on a word list is stated
in ``count_syllables``.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from .readability import text_counts

__all__ = [
    "ABBREVIATIONS",
    "INFLESZ_BANDS",
    "TARGET_SCORE",
    "Band",
    "SpanishReadability",
    "count_syllables",
    "inflesz_band",
    "readability",
]

TARGET_SCORE = 55  # the lowest "normal" score on the INFLESZ scale

# Lower-case, without the final full stop. "a. m." and "p. m." (as the RAE writes them)
# are two tokens each, hence "a", "m" and "p"; "p" also serves "p. ej.". Not "etc.", which
# in Spanish mostly closes a sentence's list, nor "no.", which is the word "no".
ABBREVIATIONS = frozenset(
    {
        "dr",
        "dra",
        "sr",
        "sra",
        "srta",
        "ud",
        "uds",
        "lic",
        "ej",
        "p",
        "a",
        "m",
        "a.m",
        "p.m",
        "aprox",
        "núm",
        "tel",
    }
)


# --------------------------------------------------------------------------- syllables

_SPANISH_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzáéíóúüñ")
_OPEN = frozenset("aeoáéó")
_STRESSED_CLOSED = frozenset("íú")
_VOWELS = frozenset("aeiouáéíóúü")
_BASE_VOWEL = {"á": "a", "é": "e", "í": "i", "ó": "o", "ú": "u", "ü": "u"}

# Syllables in the Spanish name of each consonant letter (RAE): be, ce, de, efe, ge,
# hache, jota, ka, ele, eme, ene, eñe, pe, cu, erre, ese, te, uve, uve doble, equis, ye,
# zeta.
_LETTER_NAME_SYLLABLES = {
    **dict.fromkeys("bcdgkpqty", 1),
    **dict.fromkeys("fhjlmnñrsvxz", 2),
    "w": 3,
}


def _spanish_letters(word: str) -> str:
    """Lower-case letters, keeping á é í ó ú ü ñ; other accents dropped ("ï" -> "i")."""
    letters = []
    for ch in unicodedata.normalize("NFC", word.lower()):
        if ch in _SPANISH_LETTERS:
            letters.append(ch)
        else:
            base = unicodedata.normalize("NFKD", ch)[:1]
            if "a" <= base <= "z":
                letters.append(base)
    return "".join(letters)


def _sounds(letters: str) -> str:
    """The letters with silent ones taken out and vowel y written as i."""
    sounds = []
    for index, ch in enumerate(letters):
        before = letters[index - 1] if index else ""
        after = letters[index + 1 : index + 2]
        if ch == "h":
            continue  # silent; in "ch" the c stays a consonant
        if ch == "u" and (before == "q" or (before == "g" and after in ("e", "i", "é", "í"))):
            continue  # que, qui, gue, gui: the u only shows how to say the consonant
        if ch == "y":
            following = letters[index + 1 :].lstrip("h")[:1]
            sounds.append("y" if following in _VOWELS else "i")
            continue
        sounds.append(ch)
    return "".join(sounds)


def _apart(first: str, second: str) -> bool:
    """Whether two vowels in contact are in different syllables (a hiatus)."""
    if _BASE_VOWEL.get(first, first) == _BASE_VOWEL.get(second, second):
        return True  # the same vowel twice: le-er, chi-i-ta, co-o-pe-rar
    if first in _OPEN and second in _OPEN:
        return True  # te-a-tro, po-e-ta
    if first in _STRESSED_CLOSED:
        # dí-a; and sí-u, since a diphthong of i and u takes its accent on the second
        # (cons-truí, ca-suís-ti-ca), so an accent on the first marks two syllables.
        return True
    return first in _OPEN and second in _STRESSED_CLOSED  # ba-úl, but cui-da-do


def _vowel_groups(sounds: str) -> list[str]:
    """The runs of vowels in contact, split where two of them are apart (a hiatus)."""
    groups: list[str] = []
    current = ""
    for ch in sounds:
        if ch not in _VOWELS:
            if current:
                groups.append(current)
            current = ""
        elif current and _apart(current[-1], ch):
            groups.append(current)
            current = ch
        else:
            current += ch
    if current:
        groups.append(current)
    return groups


def _syllables_in_group(group: str) -> int:
    """Syllables in a run of vowels with no hiatus in it.

    Each a, e or o is a syllable of its own. An unstressed i or u goes with the a, e or o
    after it (ca-ca-hue-te, pa-ra-no-ia) or else with one just before it (cau-sa, hoy,
    buey). The i and u left over, alone or two together, make a syllable (ciu-dad,
    cui-da-do, re-huir, chi-hua-hua).
    """
    count = 0
    left_over = 0  # i and u in a row that go with no a, e or o
    for index, ch in enumerate(group):
        after, before = group[index + 1 : index + 2], group[index - 1 : index]
        if ch in _OPEN or after in _OPEN or before in _OPEN:
            count += (left_over + 1) // 2 + (ch in _OPEN)
            left_over = 0
        else:
            left_over += 1
    return count + (left_over + 1) // 2


def _syllables_of(letters: str) -> int:
    return sum(_syllables_in_group(group) for group in _vowel_groups(_sounds(letters)))


def count_syllables(word: str) -> int:
    """The syllables of one Spanish word, by rule, offline; at least 1 for any word.

    The rules are in the module docstring. A hyphenated word is the sum of its parts;
    digits and apostrophes do not count.

    Accuracy, stated as was done for English:

    * right on all 304 words of ``SPANISH_SYLLABLES`` in
      ``tests/articles/test_readability_es.py``: 153 patient and medical words
      (calambres, pantorrilla, deshidratación, isquiotibiales), 53 everyday words and 98
      hard cases (día, ciudad, oído, guion, pingüino, buey, cacahuete). Each is written
      out divided by hand there, and pylabeador 0.9.0, a separate syllabifier, divides
      every one into as many syllables. The list was written alongside the rules, so this
      figure flatters;
    * agreeing with pylabeador on 99.98% (86,000) of the 86,014 words of Debian's wspanish
      word list (``bench/spanish_syllables.py``). All 14 differences are a doubled i
      (friísimo, nihilismo, antihigiénico), which the RAE's conventions make two
      syllables (the same vowel twice is a hiatus) and pylabeador one. That comparison
      first found the rule that an i or u between two of a, e, o goes with the second
      (ca-ca-hue-te, pa-ra-no-ia); the figures are after that fix.

    Expect an error where a speaker or a loanword departs from the RAE's conventions
    ("flu-i-do", "web", "hámster" said with an h), which is fine for a score over a page.
    """
    total = 0
    for part in word.replace("\u2010", "-").replace("\u2011", "-").split("-"):
        letters = _spanish_letters(part)
        if not letters:
            continue
        if part.isupper() and 2 <= len(letters) <= 5 and not set(letters) & _VOWELS:
            # An initialism said letter by letter: TC (te-ce), RM (e-rre-e-me).
            total += sum(_LETTER_NAME_SYLLABLES.get(ch, 1) for ch in letters)
            continue
        total += max(1, _syllables_of(letters))
    return max(1, total)


# --------------------------------------------------------------------------- readability


@dataclass(frozen=True)
class Band:
    lowest: float  # the band's lowest score, included
    spanish: str  # the band's name on the INFLESZ scale
    english: str


# Highest first: a score belongs to the first band whose lowest score it reaches.
INFLESZ_BANDS = (
    Band(80, "muy fácil", "very easy"),
    Band(65, "bastante fácil", "quite easy"),
    Band(55, "normal", "normal"),
    Band(40, "algo difícil", "somewhat difficult"),
    Band(float("-inf"), "muy difícil", "very difficult"),
)


def inflesz_band(score: float) -> Band:
    return next(band for band in INFLESZ_BANDS if score >= band.lowest)


@dataclass(frozen=True)
class SpanishReadability:
    words: int
    sentences: int
    syllables: int
    score: float  # Szigriszt-Pazos perspicuity, rounded to 1 decimal; higher is easier

    @property
    def band(self) -> Band:
        return inflesz_band(self.score)

    @property
    def meets_target(self) -> bool:
        return self.score >= TARGET_SCORE


def readability(text: str) -> SpanishReadability | None:
    """The Szigriszt-Pazos score of Spanish plain text and its INFLESZ band; None if it
    has no words. Pass ``visible_text(html)`` (``articles.readability``) for rich text."""
    counts = text_counts(text, count_syllables=count_syllables, abbreviations=ABBREVIATIONS)
    if counts is None:
        return None
    score = 206.835 - 62.3 * counts.syllables / counts.words - counts.words / counts.sentences
    return SpanishReadability(
        words=counts.words,
        sentences=counts.sentences,
        syllables=counts.syllables,
        score=round(score, 1),
    )
