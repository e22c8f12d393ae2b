"""The staff-only search behind the rich-text "Cite" control: who may use it, what it finds."""

import pytest

from references.admin import CITATION_SEARCH_LIMIT
from references.models import Citation
from tests.factories import make_citation

pytestmark = pytest.mark.django_db

SEARCH_URL = "/admin/references/citation/search/"
GARRISON_DOI = "10.1002/14651858.CD009402.pub2"


@pytest.fixture
def practitioner(client, demo):
    assert client.login(username="practitioner", password="practitioner-demo")
    return client


@pytest.fixture
def garrison(demo):
    return Citation.objects.get(doi=GARRISON_DOI)


def found_ids(client, term):
    response = client.get(SEARCH_URL, {"q": term})
    assert response.status_code == 200
    return [result["id"] for result in response.json()["results"]]


def test_anonymous_visitor_is_sent_to_log_in_and_sees_no_reference(client, demo):
    response = client.get(SEARCH_URL, {"q": "Garrison"})
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert b"Garrison" not in response.content


def test_receptionist_is_refused(client, demo):
    assert client.login(username="receptionist", password="receptionist-demo")
    response = client.get(SEARCH_URL, {"q": "Garrison"})
    assert response.status_code == 403
    assert b"Garrison" not in response.content


def test_staff_with_only_view_permission_on_references_may_search(
    client, demo, django_user_model, garrison
):
    from django.contrib.auth.models import Permission

    reader = django_user_model.objects.create_user("reader", password="sample-pass", is_staff=True)
    reader.user_permissions.add(Permission.objects.get(codename="view_citation"))
    client.force_login(reader)
    assert found_ids(client, "Garrison") == [garrison.pk]


def test_finds_a_reference_by_its_first_authors_family_name(practitioner, garrison):
    assert found_ids(practitioner, "garrison") == [garrison.pk]


def test_finds_a_reference_by_any_of_its_authors(practitioner):
    citation = make_citation(authors=["Samplefirst A", "Samplesecond B"])
    assert found_ids(practitioner, "Samplesecond") == [citation.pk]


def test_finds_a_reference_by_a_word_of_its_title(practitioner, garrison):
    assert garrison.pk in found_ids(practitioner, "skeletal")
    assert found_ids(practitioner, "skeletal muscle magnesium") == [garrison.pk]


def test_finds_references_by_year_and_narrows_by_author_and_year(practitioner, garrison):
    from_2012 = found_ids(practitioner, "2012")
    assert garrison.pk in from_2012
    assert set(from_2012) == set(Citation.objects.filter(year=2012).values_list("pk", flat=True))
    assert found_ids(practitioner, "Garrison 2012") == [garrison.pk]
    assert found_ids(practitioner, "Garrison 2013") == []


def test_finds_a_reference_by_its_doi_bare_or_as_a_link(practitioner, garrison):
    assert found_ids(practitioner, GARRISON_DOI) == [garrison.pk]
    assert found_ids(practitioner, f"https://doi.org/{GARRISON_DOI.upper()}") == [garrison.pk]


def test_a_term_matching_nothing_finds_nothing(practitioner):
    assert found_ids(practitioner, "no-such-sample-reference-anywhere") == []


def test_an_overlong_search_is_cut_short_not_refused(practitioner, garrison):
    assert found_ids(practitioner, "Garrison " + "x" * 5000) == []
    assert found_ids(practitioner, "Garrison" + " " * 5000 + "unseen-sample-word") == [garrison.pk]


def test_each_result_gives_its_id_its_marker_and_a_readable_label(practitioner, garrison):
    response = practitioner.get(SEARCH_URL, {"q": "Garrison"})
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "results": [
            {
                "id": garrison.pk,
                "marker": f"[cite:{garrison.pk}]",
                "label": "Garrison SR et al · 2012 · Magnesium for skeletal muscle cramps · "
                "Cochrane Database Syst Rev",
            }
        ],
        "more": False,
    }


def test_label_of_a_single_author_reference_has_no_et_al(practitioner):
    citation = make_citation(
        authors=["Sampleauthor AB"], title="Sample title", container_title="Sample J", year=2019
    )
    [result] = practitioner.get(SEARCH_URL, {"q": "Sampleauthor"}).json()["results"]
    assert result["label"] == "Sampleauthor AB · 2019 · Sample title · Sample J"
    assert result["marker"] == f"[cite:{citation.pk}]"


def test_results_are_capped_and_say_there_are_more(practitioner):
    for _ in range(CITATION_SEARCH_LIMIT + 1):
        make_citation(authors=["Capped S"])
    body = practitioner.get(SEARCH_URL, {"q": "Capped"}).json()
    assert len(body["results"]) == CITATION_SEARCH_LIMIT
    assert body["more"] is True


def test_a_reference_with_several_matching_authors_is_listed_once(practitioner):
    citation = make_citation(authors=["Twin A", "Twin B"])
    assert found_ids(practitioner, "Twin") == [citation.pk]


def test_search_takes_the_same_number_of_queries_for_one_or_many_results(
    practitioner, django_assert_max_num_queries
):
    for _ in range(CITATION_SEARCH_LIMIT):
        make_citation(authors=["Manyresults M", "Other O"])
    # session, user, their own and their groups' permissions, the references, their authors
    with django_assert_max_num_queries(6):
        assert len(found_ids(practitioner, "Manyresults")) == CITATION_SEARCH_LIMIT
