import pytest
from django.core.exceptions import ValidationError

from references.models import Citation
from references.parsing import normalise_doi, parse_references

pytestmark = pytest.mark.django_db


def citation(**fields):
    return Citation(**({"title": "Leg cramps", "year": 2015} | fields))


@pytest.mark.parametrize(
    "doi", ["10.1371/journal.pone.0227497", "10.1016/S1474-4422(19)30414-4", "10.2215/CJN.08410814"]
)
def test_real_dois_are_accepted(doi):
    citation(doi=doi).full_clean()


@pytest.mark.parametrize(
    "doi", ["11.1371/journal.pone", "10.12/too-short-prefix", "10.1371/has space", "pone.0227497"]
)
def test_malformed_doi_is_refused_in_plain_words(doi):
    with pytest.raises(ValidationError) as error:
        citation(doi=doi).full_clean()
    assert "does not look like a DOI" in str(error.value.message_dict["doi"])


@pytest.mark.parametrize(
    "pasted", ["https://doi.org/10.1113/EP085355", "doi:10.1113/EP085355", " 10.1113/EP085355 "]
)
def test_doi_prefixes_people_paste_are_removed(pasted):
    item = citation(doi=pasted)
    item.full_clean()
    assert item.doi == "10.1113/EP085355"


def test_pmid_must_be_digits():
    with pytest.raises(ValidationError) as error:
        citation(pmid="PMID 123").full_clean()
    assert "digits only" in str(error.value.message_dict["pmid"])


@pytest.mark.django_db
def test_same_doi_in_another_case_is_a_duplicate():
    citation(doi="10.1113/EP085355").save()
    with pytest.raises(ValidationError) as error:
        citation(doi="10.1113/ep085355", title="Another").full_clean()
    assert "already has this DOI" in str(error.value)


def test_year_outside_reason_is_refused():
    with pytest.raises(ValidationError):
        citation(year=20015).full_clean()


def test_old_wiley_doi_with_angle_brackets_is_accepted():
    citation(doi="10.1002/(SICI)1097-4636(199707)36:1<1::AID-JBM1>3.0.CO;2-9").full_clean()


def test_doi_characters_outside_crossrefs_pattern_are_refused():
    with pytest.raises(ValidationError):
        citation(doi="10.1371/journal<pone>").full_clean()


@pytest.mark.parametrize("pmcid", ["PMC8094171", "pmc8094171", "8094171"])
def test_pmcid_is_stored_as_pmc_and_digits(pmcid):
    item = citation(pmcid=pmcid)
    item.full_clean()
    assert item.pmcid == "PMC8094171"


def test_malformed_pmcid_is_refused():
    with pytest.raises(ValidationError) as error:
        citation(pmcid="PMC-12a").full_clean()
    assert "PMC" in str(error.value.message_dict["pmcid"])


def test_same_pmid_twice_is_a_duplicate():
    citation(pmid="32956536").save()
    with pytest.raises(ValidationError) as error:
        citation(pmid="32956536", title="Another").full_clean()
    assert "already has this PMID" in str(error.value)


def test_web_page_needs_the_date_it_was_read():
    with pytest.raises(ValidationError) as error:
        citation(kind=Citation.Kind.WEB_PAGE, url="https://www.nhs.uk/").full_clean()
    assert "accessed" in error.value.message_dict


def test_web_page_needs_an_address():
    with pytest.raises(ValidationError) as error:
        citation(kind=Citation.Kind.WEB_PAGE).full_clean()
    assert "url" in error.value.message_dict


@pytest.mark.parametrize(
    "pasted",
    [
        "10.1002/14651858.CD009402.pub3",
        "doi:10.1002/14651858.CD009402.pub3",
        "DOI: 10.1002/14651858.CD009402.pub3.",
        "https://doi.org/10.1002/14651858.CD009402.pub3",
        "http://dx.doi.org/10.1002/14651858.CD009402.pub3",
        "https://www.doi.org/10.1002/14651858.CD009402.pub3",
        "doi.org/10.1002/14651858.CD009402.pub3",
    ],
)
def test_the_model_field_and_the_parser_normalise_a_doi_the_same_way(pasted):
    field_value = Citation._meta.get_field("doi").to_python(pasted)
    (parsed,) = parse_references(pasted)
    assert field_value == parsed.doi == "10.1002/14651858.CD009402.pub3"


def test_doi_link_is_percent_decoded_and_keeps_brackets_it_opened():
    assert normalise_doi("https://doi.org/10.1016/S0140-6736%2818%2930480-X") == (
        "10.1016/S0140-6736(18)30480-X"
    )
    assert normalise_doi("doi:10.1016/S0140-6736(18)30480-X).") == "10.1016/S0140-6736(18)30480-X"
