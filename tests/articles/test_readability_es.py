"""Spanish readability (articles.readability_es): syllables by rule, the Szigriszt-Pazos
score and its INFLESZ bands.

Sample sentences in this file are everyday Spanish written for these tests (sample text);
none says anything clinical.
"""

import pytest

from articles.readability import visible_text
from articles.readability_es import (
    INFLESZ_BANDS,
    TARGET_SCORE,
    SpanishReadability,
    count_syllables,
    inflesz_band,
    readability,
)


def divisions(text):
    """The words of a block below, each written divided into its syllables."""
    return text.split()


# Each word written divided into its syllables as the RAE's conventions divide it
# (Ortografía de la lengua española, 2010: diphthongs, hiatus, h and silent u as described
# in articles/readability_es.py); the count is the number of parts. Every division here was
# written out and checked by hand, one at a time, and pylabeador 0.9.0 (a separate
# syllabifier, not a dependency) divides each word into as many syllables.

# Words a patient page uses: the body, symptoms, care, medicines, visits.
PATIENT_WORDS = divisions("""
ca-lam-bres ca-lam-bre es-pal-da mús-cu-lo mús-cu-los pan-to-rri-lla pan-to-rri-llas
es-co-lio-sis de-shi-dra-ta-ción tra-ta-mien-to tra-ta-mien-tos fi-sio-te-ra-pia
fi-sio-te-ra-peu-ta do-lor do-lo-res pier-na pier-nas ro-di-lla to-bi-llo ca-de-ra hom-bro
cue-llo co-lum-na ver-te-bral vér-te-bra hue-so hue-sos ar-ti-cu-la-ción ten-dón
li-ga-men-to es-pas-mo es-pas-mos sín-to-ma sín-to-mas cau-sa cau-sas pa-cien-te
pa-cien-tes mé-di-co clí-ni-ca en-fer-me-dad pos-tu-ra es-ti-ra-mien-to es-ti-ra-mien-tos
e-jer-ci-cio e-jer-ci-cios ma-sa-je in-fla-ma-ción hin-cha-zón frac-tu-ra le-sión
le-sio-nes ci-ru-gí-a ra-dio-gra-fí-a diag-nós-ti-co re-ha-bi-li-ta-ción qui-ro-prác-ti-co
qui-ro-prác-ti-ca mag-ne-sio po-ta-sio cal-cio hi-dra-ta-ción san-gre cir-cu-la-ción
ner-vio ner-vios ciá-ti-co ciá-ti-ca lum-bar cer-vi-cal cró-ni-co a-gu-do fie-bre
can-san-cio de-bi-li-dad en-tu-me-ci-mien-to hor-mi-gue-o ri-gi-dez me-di-ca-men-to
me-di-ca-men-tos pres-crip-ción re-ce-ta far-ma-cia an-ti-in-fla-ma-to-rio i-bu-pro-fe-no
pa-ra-ce-ta-mol em-ba-ra-zo em-ba-ra-za-da ur-gen-cia e-mer-gen-cia cui-da-do cui-da-dos
a-ten-ción con-sul-ta re-vi-sión e-va-lua-ción cua-drí-ceps is-quio-ti-bia-les glú-te-os
ab-do-men ab-do-mi-nal ta-lón ca-be-za ma-re-o ma-re-os vó-mi-to náu-se-as a-ler-gia
hi-per-ten-sión dia-be-tes o-xí-ge-no pul-món co-ra-zón ar-te-ria trom-bo-sis
os-te-o-po-ro-sis ar-tri-tis ar-tro-sis sa-lud sa-lu-da-ble pre-ven-ción her-nia
in-ter-ver-te-bral fas-ci-tis plan-tar ven-da-je mu-le-ta plan-ti-lla ad-he-si-vo
in-ha-la-dor ca-lor hie-lo al-mo-ha-da tem-pe-ra-tu-ra hos-pi-tal in-yec-ción ma-yo-res
do-lo-ro-so a-fec-ción a-fec-cio-nes des-can-so re-po-so sue-ño noc-tur-no noc-tur-nos
cuer-po ve-na mo-vi-mien-to fuer-za e-qui-li-brio ar-ti-cu-la-cio-nes re-cu-pe-ra-ción
se-gui-mien-to
""")

EVERYDAY_WORDS = divisions("""
ca-sa me-sa ven-ta-na li-bro lá-piz fa-mi-lia tra-ba-jo ma-ña-na tar-de no-che sá-ba-do
do-min-go miér-co-les jue-ves se-ma-na de-sa-yu-no al-muer-zo ce-na fru-ta na-ran-ja
le-che pan ca-fé es-cue-la ma-es-tro cuen-to pe-rió-di-co te-lé-fo-no nú-me-ro ho-ra-rio
a-bier-to ce-rra-do lu-nes ca-lle fá-cil di-fí-cil im-por-tan-te sen-ci-llo pre-gun-ta
res-pues-ta in-for-ma-ción ar-tí-cu-lo pá-gi-na lec-tu-ra es-cri-bir pa-la-bra fra-se
ni-ños a-dul-tos za-pa-tos ca-mi-nar ca-mi-na-ta a-gua
""")

# Diphthongs, triphthongs and hiatus; h between vowels; silent u; ü; y; an i or u between
# two of a, e, o (ca-ca-hue-te, pa-ra-no-ia). The RAE's own examples are among them (guion
# and truhan one syllable, reunir two, prohi-bir, de-sahu-cio).
HARD_WORDS = divisions("""
dí-a dí-as ciu-dad rí-o muy le-í o-í-do guion pin-güi-no buey bue-yes U-ru-guay
a-ve-ri-guáis a-ve-ri-güé es-tu-diáis con-fiáis ac-tuáis miau guau pa-ís ma-íz ba-úl
re-ír o-ír bú-ho a-hí a-ho-ra le-er cre-er co-o-pe-rar zo-o-ló-gi-co chi-i-ta
mi-cro-on-das a-é-re-o hé-ro-e te-a-tro po-e-ta ca-er ca-os que qué quien quién
quie-ro a-quí guí-a gui-ta-rra gue-rra si-guien-te ver-güen-za ci-güe-ña ar-güir
lin-güís-ti-ca an-ti-guo y hoy rey ley hay es-toy soy ma-yo a-yer yo ya hui-da huir
dia-rio vien-to a-cei-te sua-ve triun-fo in-clui-do diur-no viu-da rui-do cons-truí
ca-suís-ti-ca a-cuí-fe-ro a-le-grí-a a-cen-tú-a tran-se-ún-te pe-tró-le-o
es-ta-dou-ni-den-se reu-nir truhan prohi-bir de-sahu-cio ve-hí-cu-lo al-co-hol
za-na-ho-ria an-he-lo co-he-te ca-ca-hue-te a-hue-car pa-ra-no-ia re-huir chi-hua-hua
""")

DIVISIONS = PATIENT_WORDS + EVERYDAY_WORDS + HARD_WORDS
SPANISH_SYLLABLES = {division.replace("-", ""): division.count("-") + 1 for division in DIVISIONS}

# The share of SPANISH_SYLLABLES the rules get right, as measured when they were written
# (stated in count_syllables' docstring); the test keeps it from falling.
MEASURED_ACCURACY = 1.0


def wrong_words():
    return {
        word: {"counted": count_syllables(word), "right": count}
        for word, count in SPANISH_SYLLABLES.items()
        if count_syllables(word) != count
    }


# --------------------------------------------------------------------------- the word list


def test_the_word_list_is_large_distinct_and_mostly_patient_vocabulary():
    assert len(DIVISIONS) == len(set(DIVISIONS)), "a word is listed twice"
    assert len(SPANISH_SYLLABLES) >= 150
    assert len(PATIENT_WORDS) >= len(SPANISH_SYLLABLES) / 2
    for word in ("calambres", "espalda", "músculo", "pantorrilla", "escoliosis"):
        assert word in SPANISH_SYLLABLES
    for word in ("deshidratación", "tratamiento", "fisioterapia"):
        assert word in SPANISH_SYLLABLES
    for word in ("día", "ciudad", "río", "muy", "leí", "oído", "guion", "pingüino", "buey"):
        assert word in SPANISH_SYLLABLES


def test_every_division_is_written_in_spanish_letters():
    for division in DIVISIONS:
        assert all(part.isalpha() for part in division.split("-")), division


def test_syllable_rules_keep_their_measured_accuracy_on_the_word_list():
    wrong = wrong_words()
    accuracy = 1 - len(wrong) / len(SPANISH_SYLLABLES)
    print(f"Spanish syllables: {accuracy:.1%} right on {len(SPANISH_SYLLABLES)} words")
    assert accuracy >= MEASURED_ACCURACY, wrong


def test_the_hand_divisions_of_the_brief_examples():
    assert SPANISH_SYLLABLES["deshidratación"] == count_syllables("deshidratación") == 5
    assert SPANISH_SYLLABLES["antiinflamatorio"] == count_syllables("antiinflamatorio") == 7


# --------------------------------------------------------------------------- syllable rules


def test_a_stressed_i_or_u_beside_a_e_or_o_splits_them_but_unstressed_does_not():
    assert count_syllables("día") == 2
    assert count_syllables("dia") == 1  # as in "dia-rio"
    assert count_syllables("baúl") == 2
    assert count_syllables("aula") == 2  # au-la


def test_two_of_a_e_o_are_always_apart_and_i_with_u_always_together():
    assert count_syllables("teatro") == 3
    assert count_syllables("leer") == 2
    assert count_syllables("cuidado") == 3
    assert count_syllables("construí") == 2  # cons-truí: the accent does not split ui


def test_an_accent_on_the_first_of_i_and_u_marks_two_syllables():
    assert count_syllables("síu") == 2  # a diphthong's accent would be on the u


def test_an_i_or_u_between_two_of_a_e_o_goes_with_the_second():
    assert count_syllables("cacahuete") == 4  # ca-ca-hue-te
    assert count_syllables("paranoia") == 4
    assert count_syllables("chihuahua") == 3  # the i left over is a syllable of its own


def test_triphthongs_are_one_syllable():
    assert count_syllables("buey") == 1
    assert count_syllables("averiguáis") == 4


def test_h_between_vowels_neither_splits_nor_joins_them():
    assert count_syllables("prohibir") == count_syllables("proibir") == 2
    assert count_syllables("búho") == 2
    assert count_syllables("alcohol") == 3


def test_the_u_of_que_qui_gue_gui_is_silent_and_u_with_diaeresis_is_said():
    assert count_syllables("guía") == 2  # guí-a, not gu-í-a
    assert count_syllables("quiero") == 2
    assert count_syllables("pingüino") == 3
    assert count_syllables("agua") == 2  # gu before a: the u is said, in a diphthong


def test_y_is_a_vowel_only_when_no_vowel_follows():
    assert count_syllables("y") == 1
    assert count_syllables("muy") == 1
    assert count_syllables("estoy") == 2
    assert count_syllables("ayer") == 2
    assert count_syllables("yo") == 1


def test_a_hyphenated_word_has_the_syllables_of_its_parts():
    assert count_syllables("físico-químico") == 6
    assert count_syllables("teórico‑práctico") == 7  # a non-breaking hyphen


def test_an_initialism_without_vowels_is_said_letter_by_letter():
    assert count_syllables("TC") == 2  # te-ce
    assert count_syllables("RM") == 4  # e-rre-e-me
    assert count_syllables("OTAN") == 2  # with a vowel it is read as a word: o-tan


def test_capitals_and_foreign_accents_do_not_change_the_count():
    assert count_syllables("CALAMBRES") == 3
    assert count_syllables("Ciudad") == 2
    assert count_syllables("naïve") == count_syllables("naive")


def test_every_word_has_at_least_one_syllable():
    assert count_syllables("sh") == 1
    assert count_syllables("pst") == 1


# --------------------------------------------------------------------------- scores


def score(words, sentences, syllables):
    """The published formula, worked out here apart from the module's own code."""
    return round(206.835 - 62.3 * syllables / words - words / sentences, 1)


HAND_COUNTED_SAMPLES = [
    # Sample text. Hoy (1) ha-ce (2) sol (1); Va-mos (2) al (1) par-que (2):
    # 6 words, 2 sentences, 9 syllables: 206.835 - 62.3 * 9/6 - 6/2 = 110.385.
    pytest.param("Hoy hace sol. Vamos al parque.", (6, 2, 9), 110.4, "muy fácil", id="easy"),
    # Sample text. El (1) sá-ba-do (3) por (1) la (1) ma-ña-na (3) fui-mos (2) al (1)
    # mer-ca-do (3) con (1) mis (1) a-bue-los (3) y (1) com-pra-mos (3) fru-ta (2) pan (1)
    # y (1) que-so (2) pa-ra (2) to-da (2) la (1) se-ma-na (3): 21 words, 1 sentence,
    # 38 syllables: 206.835 - 62.3 * 38/21 - 21 = 73.10.
    pytest.param(
        "El sábado por la mañana fuimos al mercado con mis abuelos y compramos fruta, "
        "pan y queso para toda la semana.",
        (21, 1, 38),
        73.1,
        "bastante fácil",
        id="everyday",
    ),
    # Sample text. La (1) ad-mi-nis-tra-ción (5) mu-ni-ci-pal (4) con-si-de-ra (4)
    # im-pres-cin-di-ble (5) la (1) mo-der-ni-za-ción (5) tec-no-ló-gi-ca (5) de (1)
    # las (1) in-fra-es-truc-tu-ras (6) pú-bli-cas (3): 12 words, 1 sentence,
    # 41 syllables: 206.835 - 62.3 * 41/12 - 12 = -18.02 (not clamped to 0).
    pytest.param(
        "La administración municipal considera imprescindible la modernización "
        "tecnológica de las infraestructuras públicas.",
        (12, 1, 41),
        -18.0,
        "muy difícil",
        id="long words",
    ),
]


@pytest.mark.parametrize(("text", "counts", "expected", "band"), HAND_COUNTED_SAMPLES)
def test_a_hand_counted_sample_scores_what_the_formula_gives_in_its_band(
    text, counts, expected, band
):
    result = readability(text)
    assert (result.words, result.sentences, result.syllables) == counts
    assert result.score == score(*counts) == expected
    assert result.band.spanish == band
    assert result.meets_target == (expected >= TARGET_SCORE)


def test_spanish_punctuation_and_abbreviations_count_as_a_reader_reads_them():
    # Sample text: three sentences; "Dr." and "a. m." end none; "9" is not a word.
    result = readability("¿Vienes mañana? ¡Claro! El Dr. Pérez llega a las 9 a. m. y se va tarde.")
    assert result.sentences == 3
    assert result.words == 15


def test_rich_text_is_read_through_visible_text():
    # Sample text: a heading and two list items are three sentences.
    html = "<h2>Para la visita</h2><ul><li>Traiga sus gafas</li><li>Llegue pronto</li></ul>"
    result = readability(visible_text(html))
    assert (result.words, result.sentences) == (8, 3)


def test_no_words_gives_none():
    assert readability("") is None
    assert readability(" 20 % 2024 — ¿? ") is None


# --------------------------------------------------------------------------- the scale


@pytest.mark.parametrize(
    ("value", "spanish", "english"),
    [
        (-5, "muy difícil", "very difficult"),
        (39.9, "muy difícil", "very difficult"),
        (40, "algo difícil", "somewhat difficult"),
        (54.9, "algo difícil", "somewhat difficult"),
        (55, "normal", "normal"),
        (64.9, "normal", "normal"),
        (65, "bastante fácil", "quite easy"),
        (79.9, "bastante fácil", "quite easy"),
        (80, "muy fácil", "very easy"),
        (120, "muy fácil", "very easy"),
    ],
)
def test_each_inflesz_band_starts_at_its_published_number(value, spanish, english):
    band = inflesz_band(value)
    assert (band.spanish, band.english) == (spanish, english)


def test_the_scale_has_the_five_published_bands_in_order():
    assert [band.lowest for band in INFLESZ_BANDS] == [80, 65, 55, 40, float("-inf")]


def test_the_target_is_the_lowest_normal_score():
    assert TARGET_SCORE == 55 == inflesz_band(55).lowest
    assert SpanishReadability(words=1, sentences=1, syllables=1, score=55.0).meets_target
    assert not SpanishReadability(words=1, sentences=1, syllables=1, score=54.9).meets_target
