"""Reading pasted references: every format with real references, splitting, and no lost text."""

import socket
from datetime import date
from pathlib import Path

import pytest

from references.parsing import ParsedReference, PasteTooLarge, parse_references, splitting

HERE = Path(__file__).resolve().parent

ARAUJO = (
    "Araújo, Carla Adriane Leal de et al. “Oral magnesium supplementation for leg cramps in "
    "pregnancy. An observational controlled trial.” PloS one vol. 15,1 e0227497. 10 Jan. 2020, "
    "doi:10.1371/journal.pone.0227497"
)
GARRISON_2012 = (
    "Garrison, Scott R et al. “Magnesium for skeletal muscle cramps.” The Cochrane database of "
    "systematic reviews vol. 2012,9 CD009402. 12 Sep. 2012, doi:10.1002/14651858.CD009402.pub2"
)
KANG = (
    "Kang, Seok Hui et al. “Clinical Significance of the Edema Index in Incident Peritoneal "
    "Dialysis Patients.” PloS one vol. 11,1 e0147070. 19 Jan. 2016, "
    "doi:10.1371/journal.pone.0147070"
)
LUO = (
    "Luo, Li et al. “Interventions for leg cramps in pregnancy.” The Cochrane database of "
    "systematic reviews vol. 12,12 CD010655. 4 Dec. 2020, doi:10.1002/14651858.CD010655.pub3"
)
MEKHAIL = (
    "Mekhail, Nagy et al. “Long-term safety and efficacy of closed-loop spinal cord stimulation "
    "to treat chronic back and leg pain (Evoke): a double-blind, randomized, controlled "
    "trial.” The Lancet. Neurology vol. 19,2 (2020): 123-134. doi:10.1016/S1474-4422(19)30414-4"
)
YOUNG = "Young, Gavin. “Leg cramps.” BMJ clinical evidence vol. 2015 1113. 13 May. 2015"
BEDDHU = (
    "Beddhu, Srinivasan et al. “Light-intensity physical activities and mortality in the United "
    "States general population and CKD subpopulation.” Clinical journal of the American Society "
    "of Nephrology: CJASN vol. 10,7 (2015): 1145-53. doi:10.2215/CJN.08410814"
)
BRIGGS = (
    "Briggs AM, Smith AJ, Straker LM, Bragge P. Thoracic spine pain in the general population: "
    "Prevalence, incidence and associated factors in children, adolescents and adults. A "
    "systematic review. BMC Musculoskelet Disord. 2009;10:77."
)
FOUQUET = (
    "Fouquet N, Bodin J, Descatha A, et al. Prevalence of thoracic spine pain in a surveillance "
    "network. Occup Med (Lond). 2015;65(2):122-5."
)
MCMANUS = (
    "McManus, Ali M et al. “Impact of prolonged sitting on vascular function in young girls.” "
    "Experimental physiology vol. 100,11 (2015): 1379-87. doi:10.1113/EP085355"
)
SEED = [ARAUJO, GARRISON_2012, KANG, LUO, MEKHAIL, YOUNG, BEDDHU, BRIGGS, FOUQUET, MCMANUS]

GARRISON_2020_NLM = (
    "Garrison SR, Korownyk CS, Kolber MR, Allan GM, Musini VM, Sekhon RK, Dugré N. Magnesium for "
    "skeletal muscle cramps. Cochrane Database Syst Rev. 2020 Sep 21;9(9):CD009402. doi: "
    "10.1002/14651858.CD009402.pub3. PMID: 32956536; PMCID: PMC8094171."
)
HIGGINS_AMA = (
    "Higgins JPT, Thompson SG, Deeks JJ, Altman DG. Measuring inconsistency in meta-analyses. "
    "BMJ. 2003;327(7414):557-560. doi:10.1136/bmj.327.7414.557"
)
NHS_LEG_CRAMPS = (
    "Leg cramps. NHS. Accessed March 3, 2024. https://www.nhs.uk/conditions/leg-cramps/"
)
DERSIMONIAN_BIBTEX = """@article{dersimonian1986,
  author  = {DerSimonian, Rebecca and Laird, Nan},
  title   = {Meta-analysis in clinical trials},
  journal = {Control Clin Trials},
  year    = {1986},
  volume  = {7},
  number  = {3},
  pages   = {177--188},
  doi     = {10.1016/0197-2456(86)90046-2}
}"""
CHARLSON_RIS = """TY  - JOUR
AU  - Charlson, Mary E.
AU  - Pompei, Peter
AU  - Ales, Kathy L.
AU  - MacKenzie, C. Ronald
TI  - A new method of classifying prognostic comorbidity in longitudinal studies: development and validation
JO  - J Chronic Dis
PY  - 1987
VL  - 40
IS  - 5
SP  - 373
EP  - 383
DO  - 10.1016/0021-9681(87)90171-8
ER  - """  # noqa: E501 (a RIS line is as long as its title)
# APA, MLA and Chicago forms of real papers (see real_references.txt for where they came from).
IOANNIDIS_APA = (
    "Ioannidis, J. P. A. (2005). Why most published research findings are false. PLoS "
    "Medicine, 2(8), e124. https://doi.org/10.1371/journal.pmed.0020124"
)
HIGGINS_APA = (
    "Higgins, J. P. T., Thompson, S. G., Deeks, J. J., & Altman, D. G. (2003). Measuring "
    "inconsistency in meta-analyses. BMJ, 327(7414), 557–560. "
    "https://doi.org/10.1136/bmj.327.7414.557"
)
LANDIS_MLA = (
    'Landis, J. Richard, and Gary G. Koch. "The Measurement of Observer Agreement for '
    'Categorical Data." Biometrics, vol. 33, no. 1, 1977, pp. 159-74.'
)
MELZACK_CHICAGO = (
    'Melzack, Ronald, and Patrick D. Wall. "Pain Mechanisms: A New Theory." Science 150, no. '
    "3699 (1965): 971–79. https://doi.org/10.1126/science.150.3699.971."
)
HIGGINS_CHICAGO_AUTHOR_DATE = (
    "Higgins, Julian P. T., Simon G. Thompson, Jonathan J. Deeks, and Douglas G. Altman. 2003. "
    '"Measuring Inconsistency in Meta-Analyses." BMJ 327 (7414): 557–60. '
    "https://doi.org/10.1136/bmj.327.7414.557."
)
GARBLED = "see the leaflet Dr Patel handed out last spring (blue cover??)"


def parse_one(text):
    references = parse_references(text)
    assert len(references) == 1, [reference.original for reference in references]
    return references[0]


# --- The seed style (PubMed's MLA-like "Cite" text) ----------------------------------------


def test_seed_reference_reads_every_field_and_moves_a_trailing_particle_to_the_family_name():
    assert parse_one(ARAUJO) == ParsedReference(
        original=ARAUJO,
        format="seed",
        kind="journal-article",
        authors=["de Araújo CAL"],
        authors_incomplete=True,
        title=(
            "Oral magnesium supplementation for leg cramps in pregnancy. "
            "An observational controlled trial"
        ),
        container_title="PloS one",
        year=2020,
        month=1,
        day=10,
        volume="15",
        issue="1",
        pages="e0227497",
        doi="10.1371/journal.pone.0227497",
    )


def test_seed_reference_with_year_in_brackets_keeps_a_journal_name_containing_a_period():
    assert parse_one(MEKHAIL) == ParsedReference(
        original=MEKHAIL,
        format="seed",
        authors=["Mekhail N"],
        authors_incomplete=True,
        title=(
            "Long-term safety and efficacy of closed-loop spinal cord stimulation to treat "
            "chronic back and leg pain (Evoke): a double-blind, randomized, controlled trial"
        ),
        container_title="The Lancet. Neurology",
        year=2020,
        volume="19",
        issue="2",
        pages="123-134",
        doi="10.1016/S1474-4422(19)30414-4",
    )


def test_seed_reference_without_doi_or_issue_reads_article_number_and_full_date():
    assert parse_one(YOUNG) == ParsedReference(
        original=YOUNG,
        format="seed",
        authors=["Young G"],
        title="Leg cramps",
        container_title="BMJ clinical evidence",
        year=2015,
        month=5,
        day=13,
        volume="2015",
        pages="1113",
    )


def test_seed_reference_keeps_abbreviated_page_range_and_journal_as_written():
    assert parse_one(BEDDHU) == ParsedReference(
        original=BEDDHU,
        format="seed",
        authors=["Beddhu S"],
        authors_incomplete=True,
        title=(
            "Light-intensity physical activities and mortality in the United States general "
            "population and CKD subpopulation"
        ),
        container_title="Clinical journal of the American Society of Nephrology: CJASN",
        year=2015,
        volume="10",
        issue="7",
        pages="1145-53",
        doi="10.2215/CJN.08410814",
    )


def test_seed_cochrane_review_is_a_systematic_review_with_year_as_volume():
    reference = parse_one(GARRISON_2012)
    assert reference.kind == "systematic-review"
    assert (reference.volume, reference.issue, reference.pages) == ("2012", "9", "CD009402")
    assert (reference.year, reference.month, reference.day) == (2012, 9, 12)
    assert reference.doi == "10.1002/14651858.CD009402.pub2"


def test_seed_reference_with_two_authors_joined_by_and():
    reference = parse_one(
        "Melzack, R, and P D Wall. “Pain mechanisms: a new theory.” Science (New York, N.Y.) "
        "vol. 150,3699 (1965): 971-9. doi:10.1126/science.150.3699.971"
    )
    assert reference.authors == ["Melzack R", "Wall PD"]
    assert not reference.authors_incomplete
    assert reference.container_title == "Science (New York, N.Y.)"
    assert (reference.year, reference.volume, reference.issue) == (1965, "150", "3699")
    assert reference.pages == "971-9"
    assert reference.status == "full"


def test_all_ten_seed_references_parse_full_in_order():
    references = parse_references("\n\n".join(SEED))
    assert [reference.original for reference in references] == SEED
    assert [reference.status for reference in references] == ["full"] * 10
    assert [reference.format for reference in references] == ["seed"] * 7 + ["ama"] * 2 + ["seed"]
    assert [reference.authors[0] for reference in references] == [
        "de Araújo CAL", "Garrison SR", "Kang SH", "Luo L", "Mekhail N", "Young G", "Beddhu S",
        "Briggs AM", "Fouquet N", "McManus AM",
    ]  # fmt: skip
    assert [reference.kind for reference in references] == [
        "journal-article", "systematic-review", "journal-article", "systematic-review",
        "journal-article", "journal-article", "journal-article", "systematic-review",
        "journal-article", "journal-article",
    ]  # fmt: skip
    assert references[9] == ParsedReference(
        original=MCMANUS,
        format="seed",
        authors=["McManus AM"],
        authors_incomplete=True,
        title="Impact of prolonged sitting on vascular function in young girls",
        container_title="Experimental physiology",
        year=2015,
        volume="100",
        issue="11",
        pages="1379-87",
        doi="10.1113/EP085355",
    )
    assert references[3] == ParsedReference(
        original=LUO,
        format="seed",
        kind="systematic-review",
        authors=["Luo L"],
        authors_incomplete=True,
        title="Interventions for leg cramps in pregnancy",
        container_title="The Cochrane database of systematic reviews",
        year=2020,
        month=12,
        day=4,
        volume="12",
        issue="12",
        pages="CD010655",
        doi="10.1002/14651858.CD010655.pub3",
    )


# --- AMA -----------------------------------------------------------------------------------


def test_ama_title_may_contain_periods_because_the_journal_is_found_before_the_year_part():
    assert parse_one(BRIGGS) == ParsedReference(
        original=BRIGGS,
        format="ama",
        kind="systematic-review",
        authors=["Briggs AM", "Smith AJ", "Straker LM", "Bragge P"],
        title=(
            "Thoracic spine pain in the general population: Prevalence, incidence and "
            "associated factors in children, adolescents and adults. A systematic review"
        ),
        container_title="BMC Musculoskelet Disord",
        year=2009,
        volume="10",
        pages="77",
    )


def test_ama_et_al_marks_authors_incomplete_and_journal_keeps_its_brackets():
    assert parse_one(FOUQUET) == ParsedReference(
        original=FOUQUET,
        format="ama",
        authors=["Fouquet N", "Bodin J", "Descatha A"],
        authors_incomplete=True,
        title="Prevalence of thoracic spine pain in a surveillance network",
        container_title="Occup Med (Lond)",
        year=2015,
        volume="65",
        issue="2",
        pages="122-5",
    )


def test_ama_reference_ending_in_a_doi():
    reference = parse_one(HIGGINS_AMA)
    assert reference.format == "ama"
    assert reference.authors == ["Higgins JPT", "Thompson SG", "Deeks JJ", "Altman DG"]
    assert reference.title == "Measuring inconsistency in meta-analyses"
    assert reference.container_title == "BMJ"
    assert (reference.year, reference.volume, reference.issue) == (2003, "327", "7414")
    assert reference.pages == "557-560"
    assert reference.doi == "10.1136/bmj.327.7414.557"
    assert reference.status == "full"


def test_ama_group_author_after_people_is_kept_as_written():
    reference = parse_one(
        "Moher D, Liberati A, Tetzlaff J, Altman DG; PRISMA Group. Preferred reporting items for "
        "systematic reviews and meta-analyses: the PRISMA statement. PLoS Med. "
        "2009;6(7):e1000097. doi:10.1371/journal.pmed.1000097"
    )
    assert reference.authors == ["Moher D", "Liberati A", "Tetzlaff J", "Altman DG", "PRISMA Group"]
    assert reference.title == (
        "Preferred reporting items for systematic reviews and meta-analyses: the PRISMA statement"
    )
    assert reference.pages == "e1000097"
    # A reporting guideline about systematic reviews is not itself one.
    assert reference.kind == "journal-article"


def test_ama_group_author_alone():
    reference = parse_one(
        "Cochrane Review Group. Magnesium for skeletal muscle cramps. Cochrane Database Syst Rev. "
        "2020;9(9):CD009402."
    )
    assert reference.authors == ["Cochrane Review Group"]
    assert reference.title == "Magnesium for skeletal muscle cramps"
    assert reference.kind == "systematic-review"


def test_ama_title_with_a_quoted_phrase_is_not_mistaken_for_the_seed_style():
    reference = parse_one(
        'Folstein MF, Folstein SE, McHugh PR. "Mini-mental state". A practical method for '
        "grading the cognitive state of patients for the clinician. J Psychiatr Res. "
        "1975;12(3):189-198. doi:10.1016/0022-3956(75)90026-6"
    )
    assert reference.format == "ama"
    assert reference.authors == ["Folstein MF", "Folstein SE", "McHugh PR"]
    assert reference.title == (
        '"Mini-mental state". A practical method for grading the cognitive state of patients '
        "for the clinician"
    )
    assert reference.container_title == "J Psychiatr Res"
    assert reference.doi == "10.1016/0022-3956(75)90026-6"


def test_ama_page_range_with_en_dash_is_normalised_to_hyphen():
    reference = parse_one(
        "Melzack R, Wall PD. Pain mechanisms: a new theory. Science. 1965;150(3699):971–979."
    )
    assert reference.pages == "971-979"


# --- NLM / Vancouver -----------------------------------------------------------------------


def test_vancouver_reads_month_day_doi_pmid_and_pmcid():
    assert parse_one(GARRISON_2020_NLM) == ParsedReference(
        original=GARRISON_2020_NLM,
        format="vancouver",
        kind="systematic-review",
        authors=[
            "Garrison SR",
            "Korownyk CS",
            "Kolber MR",
            "Allan GM",
            "Musini VM",
            "Sekhon RK",
            "Dugré N",
        ],
        title="Magnesium for skeletal muscle cramps",
        container_title="Cochrane Database Syst Rev",
        year=2020,
        month=9,
        day=21,
        volume="9",
        issue="9",
        pages="CD009402",
        doi="10.1002/14651858.CD009402.pub3",
        pmid="32956536",
        pmcid="PMC8094171",
    )


def test_vancouver_author_suffix_and_month_without_day():
    reference = parse_one(
        "Ware JE Jr, Sherbourne CD. The MOS 36-item short-form health survey (SF-36). I. "
        "Conceptual framework and item selection. Med Care. 1992 Jun;30(6):473-83. "
        "PMID: 1593914."
    )
    assert reference.format == "vancouver"
    assert reference.authors == ["Ware JE Jr", "Sherbourne CD"]
    assert reference.title == (
        "The MOS 36-item short-form health survey (SF-36). I. Conceptual framework and item "
        "selection"
    )
    assert reference.container_title == "Med Care"
    assert (reference.year, reference.month, reference.day) == (1992, 6, None)
    assert (reference.volume, reference.issue, reference.pages) == ("30", "6", "473-83")
    assert reference.pmid == "1593914"
    assert reference.status == "full"


# --- Web pages -----------------------------------------------------------------------------


def test_web_page_without_author_reads_title_site_access_date_and_address():
    reference = parse_one(NHS_LEG_CRAMPS)
    assert (reference.format, reference.kind) == ("ama", "web-page")
    assert reference.title == "Leg cramps"
    assert reference.container_title == "NHS"
    assert reference.accessed == date(2024, 3, 3)
    assert reference.url == "https://www.nhs.uk/conditions/leg-cramps/"
    # No author and no publication date: the practitioner is told what is missing.
    assert reference.status == "partial"
    assert reference.problems == [
        "Could not find the year of publication.",
        "Could not find the authors.",
    ]


def test_web_page_by_the_organisation_that_owns_the_site_wrapped_before_its_address():
    reference = parse_one(
        "World Health Organization. Obesity and overweight. Accessed March 3, 2024.\n"
        "https://www.who.int/news-room/fact-sheets/detail/obesity-and-overweight"
    )
    assert reference.authors == ["World Health Organization"]
    assert reference.title == "Obesity and overweight"
    assert reference.container_title == "World Health Organization"
    assert (
        reference.url == "https://www.who.int/news-room/fact-sheets/detail/obesity-and-overweight"
    )


def test_web_page_with_published_date_is_full():
    reference = parse_one(
        "National Institute for Health and Care Excellence. Low back pain and sciatica in over "
        "16s: assessment and management. NICE guideline NG59. Published November 30, 2016. "
        "Accessed March 3, 2024. https://www.nice.org.uk/guidance/ng59"
    )
    assert reference.authors == ["National Institute for Health and Care Excellence"]
    assert reference.title == "Low back pain and sciatica in over 16s: assessment and management"
    assert reference.container_title == "NICE guideline NG59"
    assert (reference.year, reference.month, reference.day) == (2016, 11, 30)
    assert reference.accessed == date(2024, 3, 3)
    assert reference.status == "full"


def test_vancouver_web_page_with_internet_marker_cited_date_and_address():
    reference = parse_one(
        "National Institute for Health and Care Excellence. Low back pain and sciatica in over "
        "16s: assessment and management [Internet]. London: NICE; 2016 Nov 30 [cited 2024 Mar "
        "3]. (NICE guideline NG59). Available from: https://www.nice.org.uk/guidance/ng59"
    )
    assert (reference.format, reference.kind) == ("vancouver", "web-page")
    assert reference.authors == ["National Institute for Health and Care Excellence"]
    assert reference.title == "Low back pain and sciatica in over 16s: assessment and management"
    assert reference.publisher == "NICE"
    assert (reference.year, reference.month, reference.day) == (2016, 11, 30)
    assert reference.accessed == date(2024, 3, 3)
    assert reference.url == "https://www.nice.org.uk/guidance/ng59"
    assert reference.status == "full"


def test_vancouver_online_journal_article_reads_through_internet_and_cited_notes():
    reference = parse_one(
        "Page MJ, McKenzie JE, Bossuyt PM, et al. The PRISMA 2020 statement: an updated "
        "guideline for reporting systematic reviews. BMJ [Internet]. 2021 Mar 29 [cited 2024 Mar "
        "3];372:n71. Available from: https://www.bmj.com/content/372/bmj.n71"
    )
    assert (reference.format, reference.kind) == ("vancouver", "journal-article")
    assert reference.container_title == "BMJ"
    assert (reference.year, reference.volume, reference.pages) == (2021, "372", "n71")
    assert reference.accessed == date(2024, 3, 3)
    assert reference.url == "https://www.bmj.com/content/372/bmj.n71"


def test_ama_article_published_online_ahead_of_print_is_an_article():
    reference = parse_one(
        "Garrison SR, Korownyk CS, Kolber MR, et al. Magnesium for skeletal muscle cramps. "
        "Cochrane Database Syst Rev. Published online September 21, 2020. "
        "doi:10.1002/14651858.CD009402.pub3"
    )
    assert reference.kind == "systematic-review"
    assert reference.container_title == "Cochrane Database Syst Rev"
    assert (reference.year, reference.month, reference.day) == (2020, 9, 21)
    assert reference.doi == "10.1002/14651858.CD009402.pub3"


# --- Bare identifiers ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "pasted",
    [
        "10.1113/EP085355",
        "https://doi.org/10.1113/EP085355",
        "http://dx.doi.org/10.1113/EP085355",
        "https://dx.doi.org/10.1113/EP085355",
        "doi:10.1113/EP085355",
        "doi: 10.1113/EP085355.",
        "DOI: 10.1113/EP085355",
    ],
)
def test_bare_doi_in_any_usual_form_is_normalised_and_flagged_for_completion(pasted):
    reference = parse_one(pasted)
    assert reference.format == "doi"
    assert reference.doi == "10.1113/EP085355"
    assert reference.original == pasted
    assert reference.status == "partial"
    assert reference.problems == ["Only the DOI was given; fill in the other fields or look it up."]


def test_doi_with_brackets_keeps_them():
    assert parse_one("https://doi.org/10.1016/S1474-4422(19)30414-4").doi == (
        "10.1016/S1474-4422(19)30414-4"
    )


def test_pubmed_link_gives_the_pmid_and_asks_for_the_rest():
    reference = parse_one("https://pubmed.ncbi.nlm.nih.gov/32956536/")
    assert (reference.format, reference.pmid, reference.status) == (
        "pubmed-url",
        "32956536",
        "partial",
    )
    assert reference.problems == [
        "Only the PubMed ID was given; fill in the other fields or look it up."
    ]


def test_pmc_link_gives_the_pmcid():
    reference = parse_one("https://www.ncbi.nlm.nih.gov/pmc/articles/PMC8094171/")
    assert (reference.format, reference.pmcid, reference.pmid) == ("pubmed-url", "PMC8094171", "")
    assert reference.status == "partial"


# --- BibTeX --------------------------------------------------------------------------------


def test_bibtex_article_reads_fields_and_turns_double_hyphen_pages_into_a_range():
    assert parse_one(DERSIMONIAN_BIBTEX) == ParsedReference(
        original=DERSIMONIAN_BIBTEX,
        format="bibtex",
        authors=["DerSimonian R", "Laird N"],
        title="Meta-analysis in clinical trials",
        container_title="Control Clin Trials",
        year=1986,
        volume="7",
        issue="3",
        pages="177-188",
        doi="10.1016/0197-2456(86)90046-2",
    )


def test_bibtex_braces_accents_and_others_are_understood():
    reference = parse_one(
        "@article{sterne2019,\n"
        "  author = {Sterne, Jonathan A. C. and Savovi{\\'c}, Jelena and Page, Matthew J. "
        "and others},\n"
        "  title = {{RoB 2}: a revised tool for assessing risk of bias in randomised trials},\n"
        '  journal = "BMJ", year = 2019, volume = {366}, pages = {l4898},\n'
        "  doi = {10.1136/bmj.l4898}\n"
        "}"
    )
    assert reference.authors == ["Sterne JAC", "Savović J", "Page MJ"]
    assert reference.authors_incomplete
    assert (
        reference.title == "RoB 2: a revised tool for assessing risk of bias in randomised trials"
    )
    assert (reference.container_title, reference.year, reference.pages) == ("BMJ", 2019, "l4898")
    assert reference.status == "full"


def test_bibtex_group_author_in_double_braces_and_natural_order_names():
    reference = parse_one(
        "@article{garrison2020, author = {Scott R. Garrison and {Cochrane Review Group}},"
        " title = {Magnesium for skeletal muscle cramps}, journal = {Cochrane Database Syst Rev},"
        " year = {2020}, month = sep, volume = {9}, number = {9}, pages = {CD009402}}"
    )
    assert reference.authors == ["Garrison SR", "Cochrane Review Group"]
    assert (reference.month, reference.kind) == (9, "systematic-review")


def test_bibtex_book_counts_its_publisher_as_the_source():
    reference = parse_one(
        "@book{cohen1988, author = {Cohen, Jacob}, title = {Statistical Power Analysis for the "
        "Behavioral Sciences}, edition = {2}, publisher = {Lawrence Erlbaum Associates}, "
        "address = {Hillsdale, NJ}, year = {1988}}"
    )
    assert (reference.kind, reference.publisher, reference.container_title) == (
        "book",
        "Lawrence Erlbaum Associates",
        "",
    )
    assert reference.authors == ["Cohen J"]
    assert reference.status == "full"


def test_bibtex_online_entry_reads_address_and_access_date():
    reference = parse_one(
        "@online{nhs, title = {Leg cramps}, organization = {NHS},\n"
        "  url = {https://www.nhs.uk/conditions/leg-cramps/}, urldate = {2024-03-03}}"
    )
    assert reference.kind == "web-page"
    assert (reference.title, reference.container_title) == ("Leg cramps", "NHS")
    assert reference.url == "https://www.nhs.uk/conditions/leg-cramps/"
    assert reference.accessed == date(2024, 3, 3)


def test_bibtex_misc_with_url_is_a_web_page():
    reference = parse_one(
        "@misc{who, author = {{World Health Organization}}, title = {Obesity and overweight},"
        " howpublished = {\\url{https://www.who.int/news-room/fact-sheets/detail/obesity-and-"
        "overweight}}, url = {https://www.who.int/news-room/fact-sheets/detail/obesity-and-"
        "overweight}, urldate = {2024-03-03}}"
    )
    assert reference.kind == "web-page"
    assert reference.authors == ["World Health Organization"]
    assert reference.container_title == ""


def test_bibtex_entry_missing_its_closing_brace_is_kept_with_a_note():
    text = "@article{broken, title = {Meta-analysis in clinical trials}, year = {1986"
    reference = parse_one(text)
    assert reference.original == text
    assert reference.format == "bibtex"
    assert "A brace or quote is missing in this BibTeX entry." in reference.problems
    assert reference.status == "partial"


# --- RIS -----------------------------------------------------------------------------------


def test_ris_journal_article_joins_start_and_end_pages():
    assert parse_one(CHARLSON_RIS) == ParsedReference(
        original=CHARLSON_RIS.strip(),
        format="ris",
        authors=["Charlson ME", "Pompei P", "Ales KL", "MacKenzie CR"],
        title=(
            "A new method of classifying prognostic comorbidity in longitudinal studies: "
            "development and validation"
        ),
        container_title="J Chronic Dis",
        year=1987,
        volume="40",
        issue="5",
        pages="373-383",
        doi="10.1016/0021-9681(87)90171-8",
    )


def test_ris_full_date_and_pubmed_accession_number():
    reference = parse_one(
        "TY  - JOUR\nA1  - Bland, J Martin\nA1  - Altman, Douglas G\n"
        "T1  - Statistical methods for assessing agreement between two methods of clinical "
        "measurement\nT2  - Lancet\nY1  - 1986/02/08/\nVL  - 1\nIS  - 8476\nSP  - 307\n"
        "EP  - 310\nDB  - PubMed\nAN  - 2868172\nER  - "
    )
    assert reference.authors == ["Bland JM", "Altman DG"]
    assert reference.container_title == "Lancet"
    assert (reference.year, reference.month, reference.day) == (1986, 2, 8)
    assert reference.pmid == "2868172"
    assert reference.status == "full"


@pytest.mark.parametrize(
    ("record_type", "kind"),
    [
        ("JOUR", "journal-article"),
        ("BOOK", "book"),
        ("CHAP", "book-chapter"),
        ("ELEC", "web-page"),
        ("WEB", "web-page"),
        ("STAND", "guideline"),
        ("GOVDOC", "guideline"),
    ],
)
def test_ris_type_sets_the_kind(record_type, kind):
    reference = parse_one(f"TY  - {record_type}\nTI  - Leg cramps\nER  - ")
    assert reference.kind == kind


def test_ris_web_page_reads_access_date_and_government_guideline_reads_publisher():
    web, guideline = parse_references(
        "TY  - ELEC\nTI  - Leg cramps\nT2  - NHS\nUR  - https://www.nhs.uk/conditions/leg-cramps/\n"
        "Y2  - 2024/03/03\nER  - \n\n"
        "TY  - GOVDOC\nAU  - National Institute for Health and Care Excellence\n"
        "TI  - Low back pain and sciatica in over 16s: assessment and management\nPB  - NICE\n"
        "PY  - 2016/11/30/\nUR  - https://www.nice.org.uk/guidance/ng59\nER  - "
    )
    assert (web.container_title, web.accessed) == ("NHS", date(2024, 3, 3))
    assert web.url == "https://www.nhs.uk/conditions/leg-cramps/"
    assert guideline.authors == ["National Institute for Health and Care Excellence"]
    assert (guideline.publisher, guideline.year, guideline.status) == ("NICE", 2016, "full")


def test_ris_unknown_type_is_read_as_an_article_with_a_note():
    reference = parse_one("TY  - RPRT\nTI  - Leg cramps\nER  - ")
    assert reference.kind == "journal-article"
    assert "The RIS type RPRT was read as a journal article; check the kind." in reference.problems


# --- Splitting and never losing text ----------------------------------------------------


def test_many_references_in_mixed_formats_come_back_in_pasted_order():
    text = "\n\n".join(
        [
            ARAUJO,
            DERSIMONIAN_BIBTEX,
            GARRISON_2020_NLM,
            "https://doi.org/10.1113/EP085355",
            CHARLSON_RIS,
            NHS_LEG_CRAMPS,
            "https://pubmed.ncbi.nlm.nih.gov/32956536/",
            FOUQUET,
        ]
    )
    references = parse_references(text)
    assert [reference.format for reference in references] == [
        "seed", "bibtex", "vancouver", "doi", "ris", "ama", "pubmed-url", "ama",
    ]  # fmt: skip
    assert references[0].original == ARAUJO
    assert references[1].original == DERSIMONIAN_BIBTEX
    assert references[4].original == CHARLSON_RIS.strip()


def test_bibtex_and_ris_need_no_blank_lines_around_them():
    references = parse_references(f"{FOUQUET}\n{DERSIMONIAN_BIBTEX}\n{CHARLSON_RIS}\n{BRIGGS}")
    assert [reference.format for reference in references] == ["ama", "bibtex", "ris", "ama"]


def test_garbled_line_is_kept_as_written_and_marked_unparsed():
    references = parse_references(f"{BRIGGS}\n\n{GARBLED}\n\n{FOUQUET}")
    assert len(references) == 3
    garbled = references[1]
    assert garbled.original == GARBLED
    assert (garbled.format, garbled.status) == ("unknown", "unparsed")
    assert garbled.problems == ["Could not recognise this reference; it is kept as written."]


def test_unreadable_line_at_the_top_of_a_list_does_not_swallow_the_list():
    references = parse_references(f"{GARBLED}\n{BRIGGS}\n{ARAUJO}")
    assert [reference.original for reference in references] == [GARBLED, BRIGGS, ARAUJO]
    assert [reference.status for reference in references] == ["unparsed", "full", "full"]


def test_a_pasted_document_is_kept_whole_and_read_quickly():
    document = "\n".join(["Some words of an article that is not a reference. " * 40] * 90)
    references = parse_references(document)
    assert len(references) == 1
    assert references[0].original.split() == document.split()


def test_unreadable_text_still_gives_up_a_doi_it_contains():
    reference = parse_one(
        "Garrison et al, magnesium cramps thing, doi:10.1002/14651858.CD009402.pub3"
    )
    assert (reference.format, reference.status) == ("unknown", "partial")
    assert reference.doi == "10.1002/14651858.CD009402.pub3"


def test_numbered_list_is_split_and_numbers_are_stripped():
    references = parse_references(f"1. {BRIGGS}\n2. {FOUQUET}\n3. {YOUNG}")
    assert [reference.original for reference in references] == [BRIGGS, FOUQUET, YOUNG]
    assert [reference.status for reference in references] == ["full"] * 3


def test_bracket_numbered_list_with_wrapped_lines():
    wrapped_briggs = BRIGGS.replace(" Thoracic", "\nThoracic").replace(" BMC", "\n    BMC")
    references = parse_references(f"[1] {wrapped_briggs}\n[2] {MEKHAIL}")
    assert len(references) == 2
    assert references[0].original == BRIGGS.replace(" Thoracic", "\nThoracic").replace(
        " BMC", "\nBMC"
    )
    assert references[0].title.startswith("Thoracic spine pain")
    assert references[0].status == "full"
    assert references[1].authors == ["Mekhail N"]


def test_a_wrapped_line_starting_with_a_number_out_of_sequence_stays_in_its_item():
    references = parse_references(f"1. {BRIGGS}\n2. {YOUNG.replace(' 1113.', '\n1113.')}")
    assert [reference.original for reference in references] == [
        BRIGGS,
        YOUNG.replace(" 1113.", "\n1113."),
    ]
    assert references[1].pages == "1113"


def test_one_reference_per_line_without_blank_lines():
    references = parse_references(f"{ARAUJO}\n{BRIGGS}\n{FOUQUET}\n{HIGGINS_AMA}")
    assert [reference.original for reference in references] == [
        ARAUJO, BRIGGS, FOUQUET, HIGGINS_AMA,
    ]  # fmt: skip


def test_reference_wrapped_over_lines_is_one_reference():
    wrapped = ARAUJO.replace("pregnancy. An ", "pregnancy. An\n").replace(", doi:", ",\ndoi:")
    reference = parse_one(wrapped)
    assert reference.original == wrapped
    assert reference.title == (
        "Oral magnesium supplementation for leg cramps in pregnancy. An observational "
        "controlled trial"
    )
    assert reference.doi == "10.1371/journal.pone.0227497"


def test_reference_wrapped_inside_its_author_list_is_one_reference():
    # The second line alone would read as a whole reference by Straker and Bragge.
    wrapped = BRIGGS.replace("Smith AJ, ", "Smith AJ,\n")
    reference = parse_one(wrapped)
    assert reference.original == wrapped
    assert reference.authors == ["Briggs AM", "Smith AJ", "Straker LM", "Bragge P"]


def test_pmid_and_doi_lines_under_a_citation_belong_to_it():
    reference = parse_one(
        "Garrison SR, Korownyk CS, Kolber MR, Allan GM, Musini VM, Sekhon RK, Dugré N. Magnesium "
        "for skeletal muscle cramps. Cochrane Database Syst Rev. 2020 Sep 21;9(9):CD009402.\n"
        "https://doi.org/10.1002/14651858.CD009402.pub3\n"
        "PMID: 32956536"
    )
    assert reference.doi == "10.1002/14651858.CD009402.pub3"
    assert reference.pmid == "32956536"


def test_list_of_bare_identifiers_one_per_line():
    references = parse_references(
        "10.1113/EP085355\nhttps://doi.org/10.1371/journal.pone.0227497\n"
        "https://pubmed.ncbi.nlm.nih.gov/32956536/\ndoi:10.2215/CJN.08410814"
    )
    assert [(reference.doi or reference.pmid) for reference in references] == [
        "10.1113/EP085355", "10.1371/journal.pone.0227497", "32956536", "10.2215/CJN.08410814",
    ]  # fmt: skip


def test_windows_line_endings_and_extra_blank_lines_are_harmless():
    references = parse_references(f"\r\n\r\n{BRIGGS}\r\n\r\n\r\n{FOUQUET}\r\n")
    assert [reference.original for reference in references] == [BRIGGS, FOUQUET]


def test_empty_paste_gives_no_references():
    assert parse_references("  \n\n \t\n") == []


def test_no_text_is_lost_from_a_mixed_paste():
    text = "\n\n".join(
        [ARAUJO, GARBLED, DERSIMONIAN_BIBTEX, YOUNG, CHARLSON_RIS, "10.1113/EP085355", BRIGGS]
    )
    originals = " ".join(reference.original for reference in parse_references(text))
    assert originals.split() == text.split()


def test_parsing_never_touches_the_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the parser tried to use the network")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    references = parse_references(
        "10.1113/EP085355\n\nhttps://pubmed.ncbi.nlm.nih.gov/32956536/\n\n" + NHS_LEG_CRAMPS
    )
    assert len(references) == 3


# --- The file of real references -------------------------------------------------------


def test_real_reference_file_loses_no_reference():
    lines = (HERE / "real_references.txt").read_text(encoding="utf-8").splitlines()
    declared = next(int(line.split(":")[1]) for line in lines if line.startswith("# References:"))
    content = [line for line in lines if not line.startswith("#")]
    references = parse_references("\n".join(content))
    assert len(references) == declared
    originals = "\n".join(reference.original for reference in references)
    not_references = ("@comment", "@string")  # BibTeX blocks that cite nothing
    assert all(
        line.strip() in originals
        for line in content
        if line.strip() and not line.startswith(not_references)
    )
    assert not [reference.original for reference in references if reference.status == "unparsed"]


# --- APA, MLA and Chicago ----------------------------------------------------------------


def test_apa_journal_article_reads_every_field_and_initials_become_ama():
    assert parse_one(HIGGINS_APA) == ParsedReference(
        original=HIGGINS_APA,
        format="apa",
        authors=["Higgins JPT", "Thompson SG", "Deeks JJ", "Altman DG"],
        title="Measuring inconsistency in meta-analyses",
        container_title="BMJ",
        year=2003,
        volume="327",
        issue="7414",
        pages="557-560",
        doi="10.1136/bmj.327.7414.557",
    )


def test_apa_book_keeps_its_edition_and_publisher():
    reference = parse_one(
        "Cohen, J. (1988). Statistical power analysis for the behavioral sciences (2nd ed.). "
        "Lawrence Erlbaum Associates."
    )
    assert (reference.kind, reference.format, reference.status) == ("book", "apa", "full")
    assert reference.title == "Statistical power analysis for the behavioral sciences (2nd ed.)"
    assert reference.publisher == "Lawrence Erlbaum Associates"


def test_apa_guideline_by_a_group_with_its_address():
    reference = parse_one(
        "National Institute for Health and Care Excellence. (2016). Low back pain and sciatica "
        "in over 16s: Assessment and management (NICE Guideline NG59). "
        "https://www.nice.org.uk/guidance/ng59"
    )
    assert reference.kind == "guideline"
    assert reference.authors == ["National Institute for Health and Care Excellence"]
    assert (reference.year, reference.url) == (2016, "https://www.nice.org.uk/guidance/ng59")


def test_mla_keeps_volume_number_year_and_pages():
    reference = parse_one(LANDIS_MLA)
    assert reference.format == "mla"
    assert reference.authors == ["Landis JR", "Koch GG"]
    assert reference.title == "The Measurement of Observer Agreement for Categorical Data"
    assert (reference.container_title, reference.volume, reference.issue) == (
        "Biometrics",
        "33",
        "1",
    )
    assert (reference.year, reference.pages, reference.status) == (1977, "159-74", "full")


def test_mla_et_al_and_a_doi_link():
    reference = parse_one(
        'Hartvigsen, Jan, et al. "What Low Back Pain Is and Why We Need to Pay Attention." '
        "The Lancet, vol. 391, no. 10137, 2018, pp. 2356-67, "
        "https://doi.org/10.1016/S0140-6736(18)30480-X."
    )
    assert (reference.authors, reference.authors_incomplete) == (["Hartvigsen J"], True)
    assert reference.doi == "10.1016/S0140-6736(18)30480-X"
    assert (reference.volume, reference.issue, reference.pages) == ("391", "10137", "2356-67")


def test_chicago_bibliography_reads_the_year_in_brackets():
    reference = parse_one(MELZACK_CHICAGO)
    assert reference.format == "chicago"
    assert reference.authors == ["Melzack R", "Wall PD"]
    assert (reference.container_title, reference.volume, reference.issue) == (
        "Science",
        "150",
        "3699",
    )
    assert (reference.year, reference.pages) == (1965, "971-79")
    assert reference.doi == "10.1126/science.150.3699.971"


def test_chicago_author_date_reads_the_year_after_the_authors_and_the_issue_in_brackets():
    reference = parse_one(HIGGINS_CHICAGO_AUTHOR_DATE)
    assert reference.authors == ["Higgins JPT", "Thompson SG", "Deeks JJ", "Altman DG"]
    assert (reference.year, reference.volume, reference.issue) == (2003, "327", "7414")
    assert reference.status == "full"


def test_bibtex_and_ris_editions_join_the_title_as_apa_writes_them():
    bibtex, ris = parse_references(
        "@book{cohen1988, author = {Cohen, Jacob}, title = {Statistical Power Analysis for the "
        "Behavioral Sciences}, edition = {2}, publisher = {Lawrence Erlbaum Associates}, "
        "year = {1988}}\n\nTY  - BOOK\nTI  - Statistical Power Analysis for the Behavioral "
        "Sciences\nET  - 2nd\nER  - "
    )
    assert (
        bibtex.title
        == ris.title
        == ("Statistical Power Analysis for the Behavioral Sciences (2nd ed.)")
    )


def test_mla_and_chicago_books():
    mla, chicago = parse_references(
        "Cohen, Jacob. Statistical Power Analysis for the Behavioral Sciences. 2nd ed., "
        "Lawrence Erlbaum Associates, 1988.\n\n"
        "Cohen, Jacob. Statistical Power Analysis for the Behavioral Sciences. 2nd ed. "
        "Hillsdale, NJ: Lawrence Erlbaum Associates, 1988."
    )
    for reference, style in ((mla, "mla"), (chicago, "chicago")):
        assert (reference.format, reference.kind, reference.status) == (style, "book", "full")
        assert reference.publisher == "Lawrence Erlbaum Associates"
        assert reference.title.endswith("(2nd ed.)")


def test_ama_volume_and_issue_without_a_doi_are_kept():
    reference = parse_one(
        "Landis JR, Koch GG. The measurement of observer agreement for categorical data. "
        "Biometrics. 1977;33(1):159-174."
    )
    assert (reference.volume, reference.issue, reference.pages) == ("33", "1", "159-174")


def test_vancouver_pmid_after_its_doi_is_kept():
    reference = parse_one(
        "Kroenke K, Spitzer RL, Williams JB. The PHQ-9: validity of a brief depression severity "
        "measure. J Gen Intern Med. 2001 Sep;16(9):606-13. doi: "
        "10.1046/j.1525-1497.2001.016009606.x. PMID: 11556941."
    )
    assert reference.doi == "10.1046/j.1525-1497.2001.016009606.x"
    assert reference.pmid == "11556941"


# --- BibTeX through bibtexparser -----------------------------------------------------------


def test_bibtex_string_macros_are_resolved_and_comments_are_not_references():
    references = parse_references(
        "@comment{Sample comment: not a reference}\n"
        '@string{bmj = "BMJ"}\n'
        "@article{sackett1996, author = {Sackett, David L. and {Evidence-Based Medicine Group} "
        "and others}, title = {Evidence based medicine: what it is and what it isn't}, "
        "journal = bmj, year = 1996, month = jan, volume = 312, number = 7023, "
        "pages = {71--72}}"
    )
    (reference,) = references
    assert reference.container_title == "BMJ"
    assert reference.authors == ["Sackett DL", "Evidence-Based Medicine Group"]
    assert reference.authors_incomplete
    assert (reference.year, reference.month, reference.pages) == (1996, 1, "71-72")


def test_bibtex_values_joined_with_hash_use_the_macros():
    (reference,) = parse_references(
        '@string{bmj = "BMJ"}\n@article{x, title = "Leg " # {cramps}, journal = bmj # { Open},'
        " year = 2020}"
    )
    assert (reference.title, reference.container_title) == ("Leg cramps", "BMJ Open")


def test_bibtex_escaped_specials_come_back_as_written():
    reference = parse_one(
        r"@article{x, title = {Cramps \& sleep: 50\% fewer \$ \#1 a\_b \{c\} d\textasciitilde{}e},"
        r" journal = {Sample J}, year = {2020}}"
    )
    assert reference.title == "Cramps & sleep: 50% fewer $ #1 a_b {c} d~e"


# --- Pastes that never merge or drop -------------------------------------------------------


NINE_ON_CONSECUTIVE_LINES = [
    HIGGINS_AMA,
    GARRISON_2020_NLM,
    IOANNIDIS_APA,
    LANDIS_MLA,
    MELZACK_CHICAGO,
    ARAUJO,
    "10.1056/NEJMoa012512",
    "https://pubmed.ncbi.nlm.nih.gov/29573870/",
    HIGGINS_APA,  # the same paper as the first, in another style
]


def test_nine_references_one_a_line_without_blank_lines_are_nine():
    references = parse_references("\n".join(NINE_ON_CONSECUTIVE_LINES))
    assert [reference.original for reference in references] == NINE_ON_CONSECUTIVE_LINES
    assert [(reference.doi, reference.pmid) for reference in references] == [
        ("10.1136/bmj.327.7414.557", ""),
        ("10.1002/14651858.CD009402.pub3", "32956536"),
        ("10.1371/journal.pmed.0020124", ""),
        ("", ""),
        ("10.1126/science.150.3699.971", ""),
        ("10.1371/journal.pone.0227497", ""),
        ("10.1056/NEJMoa012512", ""),
        ("", "29573870"),
        ("10.1136/bmj.327.7414.557", ""),
    ]
    assert not [ref.original for ref in references if any("two" in p for p in ref.problems)]


def test_a_pubmed_link_on_the_line_after_a_whole_citation_is_a_reference_of_its_own():
    first, second = parse_references(f"{FOUQUET}\nhttps://pubmed.ncbi.nlm.nih.gov/29573870/")
    assert (first.url, first.pmid) == ("", "")
    assert (second.format, second.pmid) == ("pubmed-url", "29573870")


def test_a_doi_link_after_an_ama_citation_is_doubtful_but_ends_an_apa_one():
    (ama,) = parse_references(f"{FOUQUET}\nhttps://doi.org/10.1056/NEJMoa012512")
    assert any("looks like two references" in problem for problem in ama.problems)
    apa_without_doi = HIGGINS_APA.rsplit(" https://", 1)[0]
    (apa,) = parse_references(f"{apa_without_doi}\nhttps://doi.org/10.1136/bmj.327.7414.557")
    assert (apa.format, apa.doi, apa.problems) == ("apa", "10.1136/bmj.327.7414.557", [])


def test_a_doubtful_join_is_flagged_as_looking_like_two_references():
    (reference,) = parse_references(f"Sample notes from the 2019 clinic meeting.\n{BRIGGS}")
    assert any("looks like two references" in problem for problem in reference.problems)


def test_a_paste_over_the_line_limit_is_refused_naming_the_limit():
    with pytest.raises(PasteTooLarge, match="5,000 lines"):
        parse_references("\n".join(f"line {number} of text" for number in range(100_000)))


def test_a_paste_over_the_character_limit_is_refused_naming_the_limit():
    with pytest.raises(PasteTooLarge, match="200,000 characters"):
        parse_references("x" * 200_001)


def test_splitting_reads_each_line_once(monkeypatch):
    reads = []
    real_parse_plain = splitting.parse_plain

    def counting_parse_plain(text):
        reads.append(text)
        return real_parse_plain(text)

    monkeypatch.setattr(splitting, "parse_plain", counting_parse_plain)
    lines = [
        f"Sample line {number} of a document that is not a reference." for number in range(3000)
    ]
    pieces = splitting.split_references("\n".join(lines))
    assert len(pieces) == 1
    assert sum(len(text) for text in reads) <= 2 * sum(len(line) for line in lines)
