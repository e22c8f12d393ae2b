"""A whole guide is written on one screen: the page, its condition and the condition's records."""

import re
from datetime import date

import pytest

from articles.models import Article, Guide
from conditions.models import Cause, Condition, Symptom, Treatment
from references.models import Citation
from tests.factories import make_condition, make_guide, make_practitioner

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/articles/guide/add/"
INLINES = [
    "alternative_names",
    "symptom_links",
    "care_advice",
    "red_flags",
    "cause_links",
    "treatment_links",
    "citation_links",
    "callout_links",
]


def management(prefix, total, initial=0):
    return {f"{prefix}-TOTAL_FORMS": str(total), f"{prefix}-INITIAL_FORMS": str(initial)}


def guide_form(**changes):
    """A new guide for a new condition, as the add screen posts it (sample text)."""
    data = {
        "title": "Plantar fasciitis",
        "slug": "plantar-fasciitis",
        "summary": "",
        "body": "<p>Sample text for tests, not clinical content.</p>",
        "condition-summary": "Sample opening paragraph, not clinical content.",
        "condition-care_urgency": "routine",
        "hero_image_alt": "",
    }
    for prefix in INLINES:
        data |= management(prefix, 0)
    return data | changes


def with_records(data, *, reviewer, citation):
    """Existing symptom, cause and treatment rows, one reference, a reviewer and a date."""
    symptom, cause, treatment = (
        Symptom.objects.first(),
        Cause.objects.first(),
        Treatment.objects.first(),
    )
    return data | {
        **management("symptom_links", 1),
        "symptom_links-0-symptom": symptom.pk,
        "symptom_links-0-order": "0",
        "symptom_links-0-note": "Sample note.",
        **management("cause_links", 1),
        "cause_links-0-cause": cause.pk,
        "cause_links-0-order": "0",
        "cause_links-0-note": "<p>Sample note.</p>",
        **management("treatment_links", 1),
        "treatment_links-0-treatment": treatment.pk,
        "treatment_links-0-order": "0",
        **management("citation_links", 1),
        "citation_links-0-citation": citation.pk,
        "citation_links-0-order": "0",
        "reviewer": reviewer.pk,
        "last_reviewed": "2026-11-01",
    }


def test_admin_lists_guides_and_articles_apart(practitioner):
    guides = practitioner.get("/admin/articles/guide/").content.decode()
    articles = practitioner.get("/admin/articles/article/").content.decode()
    assert "Leg Spasms and Cramping" in guides and "Pelvic and Lower" not in guides
    assert "Pelvic and Lower" in articles and "Leg Spasms and Cramping" not in articles
    home = practitioner.get("/admin/").content.decode()
    assert ">Guides<" in home and ">Articles<" in home


def test_practitioner_writes_and_publishes_a_new_guide_in_one_try(practitioner):
    data = with_records(
        guide_form(_publish="1"), reviewer=make_practitioner(), citation=Citation.objects.first()
    )
    response = practitioner.post(ADD_URL, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    guide = Guide.objects.get(slug="plantar-fasciitis")
    assert guide.state == Article.State.PUBLISHED
    condition = guide.condition
    assert (condition.name, condition.slug) == ("Plantar fasciitis", "plantar-fasciitis")
    assert condition.symptom_links.get().note == "Sample note."
    assert condition.cause_links.count() == condition.treatment_links.count() == 1
    page = practitioner.get("/conditions/plantar-fasciitis/").content.decode()
    assert Symptom.objects.first().name in page
    assert Citation.objects.first().title in page


def test_a_guide_citing_only_through_its_text_publishes_in_one_try(practitioner):
    citation = Citation.objects.first()
    data = guide_form(
        _publish="1",
        body=f"<p>Sample text {citation.in_text_marker}.</p>",
        reviewer=make_practitioner().pk,
        last_reviewed="2026-11-01",
    )
    response = practitioner.post(ADD_URL, data)
    assert response.status_code == 302
    guide = Guide.objects.get(slug="plantar-fasciitis")
    assert guide.state == Article.State.PUBLISHED
    html = practitioner.get(response.url).content.decode()
    assert "Published: patients can read it now." in html
    assert "Ready to publish." in html or "Must fix" not in html


def test_a_refusal_links_each_reason_to_where_it_is_fixed(practitioner):
    response = practitioner.post(ADD_URL, guide_form(_publish="1"), follow=True)
    html = response.content.decode()
    assert "Saved, but not published" in html
    assert 'href="#id_reviewer"' in html
    assert 'href="#citation_links-group"' in html
    assert 'id="citation_links-group"' in html  # the anchor exists on the screen


def test_a_bad_condition_field_saves_nothing_and_keeps_what_was_typed(practitioner):
    make_condition("Taken name", slug="taken")
    data = with_records(
        guide_form(**{"condition-slug": "taken", "body": "<p>Typed sample text.</p>"}),
        reviewer=make_practitioner(),
        citation=Citation.objects.first(),
    )
    response = practitioner.post(ADD_URL, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Another record already uses this web address" in html
    assert "Please correct the error" in html
    assert "Typed sample text." in html
    assert 'name="symptom_links-0-note"' in html and "Sample note." in html
    assert not Guide.objects.filter(slug="plantar-fasciitis").exists()
    assert not Condition.objects.filter(name="Plantar fasciitis").exists()


def test_a_second_guide_for_one_condition_is_refused(practitioner):
    existing = Guide.objects.first()
    data = guide_form(condition=existing.condition_id, slug="another-guide")
    response = practitioner.post(ADD_URL, data)
    assert response.status_code == 200
    assert "already has a guide" in response.content.decode()
    assert not Guide.objects.filter(slug="another-guide").exists()


def test_editing_a_guide_changes_its_condition_and_records_together(practitioner):
    guide = Guide.objects.get(slug="leg-spasms-and-cramping")
    url = f"/admin/articles/guide/{guide.pk}/change/"
    html = practitioner.get(url).content.decode()
    assert 'name="condition-symptoms_intro"' in html
    assert 'id="symptom_links-group"' in html
    # The symptoms' list comes right after the symptoms' introduction, before causes.
    assert html.index('name="condition-symptoms_intro"') < html.index('id="symptom_links-group"')
    assert html.index('id="symptom_links-group"') < html.index('name="condition-causes_intro"')
    token = re.search(r'name="edit_token" value="([^"]+)"', html).group(1)
    condition = guide.condition
    data = {
        "title": guide.title,
        "slug": guide.slug,
        "summary": guide.summary,
        "body": guide.body,
        "edit_token": token,
        "author": guide.author_id or "",
        "reviewer": guide.reviewer_id or "",
        "last_reviewed": guide.last_reviewed or "",
        "next_review_due": guide.next_review_due or "",
        "hero_image_alt": "",
        "condition-name": condition.name,
        "condition-slug": condition.slug,
        "condition-summary": condition.summary,
        "condition-symptoms_intro": condition.symptoms_intro,
        "condition-care_urgency": condition.care_urgency,
        "condition-when_to_get_care": condition.when_to_get_care,
        "condition-causes_intro": condition.causes_intro,
        "condition-treatments_intro": condition.treatments_intro,
        "_continue": "1",
    }
    for prefix, links, record in [
        ("symptom_links", condition.symptom_links.all(), "symptom"),
        ("cause_links", condition.cause_links.all(), "cause"),
        ("treatment_links", condition.treatment_links.all(), "treatment"),
        ("citation_links", condition.citation_links.all(), "citation"),
        ("callout_links", guide.callout_links.all(), "callout"),
    ]:
        data |= management(prefix, len(links), len(links))
        for index, link in enumerate(links):
            data |= {
                f"{prefix}-{index}-id": link.pk,
                f"{prefix}-{index}-{record}": getattr(link, f"{record}_id"),
                f"{prefix}-{index}-order": link.order,
            }
            if hasattr(link, "note"):
                data[f"{prefix}-{index}-note"] = link.note
            if prefix in ("cause_links", "treatment_links"):
                data[f"{prefix}-{index}-citations"] = [c.pk for c in link.citations.all()]
    names = list(condition.alternative_names.all())
    data |= management("alternative_names", len(names) + 1, len(names))
    for index, other_name in enumerate(names):
        data |= {
            f"alternative_names-{index}-id": other_name.pk,
            f"alternative_names-{index}-name": other_name.name,
            f"alternative_names-{index}-order": other_name.order,
            f"alternative_names-{index}-language": other_name.language,
        }
    data |= {
        f"alternative_names-{len(names)}-name": "Sample other name",
        f"alternative_names-{len(names)}-order": len(names),
        f"alternative_names-{len(names)}-language": "en",
    }
    data |= management("care_advice", 1) | {
        "care_advice-0-text": "Sample advice, not clinical content.",
        "care_advice-0-order": "0",
    }
    data |= management("red_flags", 1) | {
        "red_flags-0-text": "a sample sign, not clinical content",
        "red_flags-0-order": "0",
    }
    first_symptom = data["symptom_links-0-id"]
    data["symptom_links-0-DELETE"] = "on"
    response = practitioner.post(url, data)
    assert response.status_code == 302, response.content.decode()[:4000]
    condition.refresh_from_db()
    assert [row.name for row in condition.alternative_names.all()] == [
        *(other_name.name for other_name in names),
        "Sample other name",
    ]
    assert not condition.symptom_links.filter(pk=first_symptom).exists()
    assert [advice.text for advice in condition.care_advice.all()] == [
        "Sample advice, not clinical content."
    ]
    assert [flag.text for flag in condition.red_flags.all()] == [
        "a sample sign, not clinical content"
    ]


def test_care_advice_and_red_flags_are_edited_under_when_to_get_care(practitioner):
    guide = Guide.objects.get(slug="leg-spasms-and-cramping")
    html = practitioner.get(f"/admin/articles/guide/{guide.pk}/change/").content.decode()
    positions = [
        html.index(marker)
        for marker in (
            'name="condition-when_to_get_care"',
            'name="care_advice-TOTAL_FORMS"',
            'name="red_flags-TOTAL_FORMS"',
            'name="condition-causes_intro"',
        )
    ]
    assert positions == sorted(positions)


@pytest.mark.parametrize("view", ["change", "history"])
def test_an_old_link_to_a_guide_under_articles_lands_on_its_screen(practitioner, view):
    guide = Guide.objects.first()
    response = practitioner.get(f"/admin/articles/article/{guide.pk}/{view}/")
    assert response.status_code == 302
    assert response.url == f"/admin/articles/guide/{guide.pk}/{view}/"


def test_write_its_guide_starts_from_the_condition(practitioner):
    condition = make_condition("Sample condition without a guide")
    html = practitioner.get(f"/admin/conditions/condition/{condition.pk}/change/").content.decode()
    assert f"/admin/articles/guide/add/?condition={condition.pk}" in html
    html = practitioner.get(f"{ADD_URL}?condition={condition.pk}").content.decode()
    assert 'value="Sample condition without a guide"' in html
    data = guide_form(
        condition=condition.pk,
        title="Sample guide title",
        slug="sample-guide",
        **{"condition-name": condition.name, "condition-slug": condition.slug},
    )
    assert practitioner.post(ADD_URL, data).status_code == 302
    guide = Guide.objects.get(slug="sample-guide")
    assert guide.condition == condition
    html = practitioner.get(f"/admin/conditions/condition/{condition.pk}/change/").content.decode()
    assert f"/admin/articles/guide/{guide.pk}/change/" in html  # "View guide"


def test_history_of_a_guide_holds_its_condition_and_records(practitioner):
    from reversion.models import Version

    guide = make_guide(reviewer=make_practitioner(), last_reviewed=date(2026, 1, 1))
    data = guide_form(title=guide.title, slug=guide.slug, **{"condition-name": "Renamed"})
    url = f"/admin/articles/guide/{guide.pk}/change/"
    html = practitioner.get(url).content.decode()
    data["edit_token"] = re.search(r'name="edit_token" value="([^"]+)"', html).group(1)
    data["condition-slug"] = guide.condition.slug
    assert practitioner.post(url, data).status_code == 302
    revision = Version.objects.get_for_object(guide).first().revision
    models = {version.content_type.model for version in revision.version_set.all()}
    assert {"article", "condition"} <= models


def test_other_names_are_edited_one_a_row_right_after_the_condition(practitioner):
    guide = Guide.objects.get(slug="leg-spasms-and-cramping")
    html = practitioner.get(f"/admin/articles/guide/{guide.pk}/change/").content.decode()
    names_inline = html.index('id="alternative_names-group"')
    assert html.index("The condition") < names_inline < html.index("symptom_links-group")
    assert 'value="Charley horse"' in html[names_inline:]


@pytest.mark.parametrize("value", ["abc", "12abc", "-1"])
def test_a_condition_that_is_not_an_id_starts_an_empty_guide(practitioner, value):
    response = practitioner.get(f"{ADD_URL}?condition={value}")
    assert response.status_code == 200
    assert (
        practitioner.post(f"{ADD_URL}?condition={value}", guide_form(condition=value)).status_code
        == 200
    )


def test_the_guide_screen_needs_the_right_to_change_conditions_too(client, demo):
    from django.contrib.auth.models import Permission, User

    writer = User.objects.create_user("guide-only", password="sample-pass-1234", is_staff=True)
    writer.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_guide", "change_guide", "view_article"])
    )
    client.force_login(writer)
    guide = Guide.objects.first()
    html = client.get(f"/admin/articles/guide/{guide.pk}/change/").content.decode()
    assert 'name="condition-name"' not in html or "readonly" in html
    response = client.post(f"/admin/articles/guide/{guide.pk}/change/", {"title": "Changed"})
    assert response.status_code == 403
    guide.refresh_from_db()
    assert guide.title != "Changed"
