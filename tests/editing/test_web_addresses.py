"""URL fields hold only web addresses, whatever saves them; templates link nothing else."""

import json

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.db.models import URLField, Value
from django.template import Context, Template
from django.test import Client

from clinic_site.models import ClinicProfile, Notice
from editing.links import WebAddressField, link_scheme
from references.models import Citation
from tests.clinic_site.test_clinic_details import PROFILE_URL, profile_form
from tests.editing.xss_vectors import ADDRESS_VECTORS, dangers_in
from tests.factories import make_citation

pytestmark = pytest.mark.django_db

TODAY = "2026-01-01"
# Every URL field of our models, as (model, field, a valid row's other values).
URL_FIELDS = [
    (Notice, "link", {"message": "Sample notice", "starts_on": TODAY, "ends_on": TODAY}),
    (ClinicProfile, "map_url", {"phone": "+1-915-850-0900", "email": "clinic@example.org"}),
    (Citation, "url", {"title": "Sample reference"}),
]


def test_every_url_field_of_our_models_is_a_web_address_field():
    ours = {"clinic_site", "articles", "conditions", "references"}
    url_fields = [
        f"{model.__name__}.{field.name}"
        for model in apps.get_models()
        if model._meta.app_label in ours
        for field in model._meta.get_fields()
        if isinstance(field, URLField) and not isinstance(field, WebAddressField)
    ]
    assert url_fields == []


@pytest.mark.parametrize(
    ("address", "scheme"),
    [
        ("https://example.org", "https"),
        (" JaVaScRiPt:xss()", "javascript"),
        ("java\tscr\nipt:xss()", "javascript"),
        ("\x01\x02javascript:xss()", "javascript"),
        ("jav&#x09;ascript:xss()", ""),
        ("/relative/page", ""),
    ],
)
def test_link_scheme_reads_an_address_as_a_browser_does(address, scheme):
    assert link_scheme(address) == scheme


@pytest.mark.parametrize(("model", "field", "values"), URL_FIELDS)
@pytest.mark.parametrize("address", ADDRESS_VECTORS)
def test_save_refuses_any_other_scheme_and_writes_nothing(model, field, values, address):
    with pytest.raises(ValidationError, match="web address"), transaction.atomic():
        model.objects.create(**values, **{field: address})
    assert not model.objects.exists()


@pytest.mark.parametrize(("model", "field", "values"), URL_FIELDS)
@pytest.mark.parametrize("address", ["javascript:xss(1)", " JAVA\tSCRIPT:xss(2)"])
def test_update_and_bulk_update_refuse_any_other_scheme(model, field, values, address):
    row = model.objects.create(**values)
    with pytest.raises(ValidationError, match="web address"), transaction.atomic():
        model.objects.filter(pk=row.pk).update(**{field: address})
    setattr(row, field, address)
    with pytest.raises(ValidationError, match="web address"), transaction.atomic():
        model.objects.bulk_update([row], [field])
    assert getattr(model.objects.get(pk=row.pk), field) == ""


@pytest.mark.parametrize(("model", "field", "values"), URL_FIELDS)
def test_database_refuses_other_schemes_written_past_the_field(model, field, values):
    row = model.objects.create(**values)
    with pytest.raises(IntegrityError), transaction.atomic():
        model.objects.filter(pk=row.pk).update(**{field: Value("javascript:xss(1)")})
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {model._meta.db_table} SET {field} = %s WHERE id = %s",
            ["java\tscript:xss(2)", row.pk],
        )
    assert getattr(model.objects.get(pk=row.pk), field) == ""


def test_loaddata_refuses_a_javascript_link_and_loads_nothing(tmp_path):
    fixture = tmp_path / "notices.json"
    notice = {"message": "Sample notice", "starts_on": TODAY, "ends_on": TODAY}
    fixture.write_text(
        json.dumps(
            [
                {"model": "clinic_site.notice", "pk": 1, "fields": notice | {"link": ""}},
                {
                    "model": "clinic_site.notice",
                    "pk": 2,
                    "fields": notice | {"link": "javascript:x"},
                },
            ]
        )
    )
    with pytest.raises(ValidationError, match="web address"):
        call_command("loaddata", str(fixture), verbosity=0)
    assert not Notice.objects.exists()


def test_web_addresses_are_stored_as_a_browser_reads_them():
    notice = Notice.objects.create(
        message="Sample notice", starts_on=TODAY, ends_on=TODAY, link=" https://exa\tmple.org/\n"
    )
    notice.refresh_from_db()
    assert notice.link == "https://example.org/"


def test_admin_form_refuses_a_javascript_map_link_with_a_message(client, demo):
    assert client.login(username="receptionist", password="receptionist-demo")
    before = ClinicProfile.load().map_url
    response = client.post(PROFILE_URL, profile_form(map_url="javascript:xss(1)"))
    assert response.status_code == 200
    assert "Enter a web address starting with https://" in response.content.decode()
    assert ClinicProfile.load().map_url == before


@pytest.mark.parametrize("address", ADDRESS_VECTORS)
def test_safe_url_filter_links_nothing_but_web_pages_calls_and_emails(address):
    template = Template(
        "{% load safe_html %}{% with href=notice.link|safe_url %}"
        '{% if href %}<a href="{{ href }}">{{ notice.message }}</a>'
        "{% else %}{{ notice.message }}{% endif %}{% endwith %}"
    )
    unsaved = Notice(message="Sample notice", link=address)  # e.g. from an old cache entry
    html = template.render(Context({"notice": unsaved}))
    assert html == "Sample notice"


@pytest.mark.parametrize(
    "address", ["https://example.org/a?b=1", "http://example.org", "mailto:a@example.org", "tel:+1"]
)
def test_safe_url_filter_keeps_web_mail_and_phone_links(address):
    html = Template("{% load safe_html %}{{ address|safe_url }}").render(
        Context({"address": address})
    )
    assert html == address.replace("&", "&amp;")


def test_reference_list_links_only_web_addresses():
    citation = make_citation(kind="web-page", doi="", url="https://example.org/sample")
    assert 'href="https://example.org/sample"' in str(citation.as_ama())
    citation.url = "javascript:xss(1)"  # unsaved: as a cached or imported record might be
    assert "href" not in str(citation.as_ama())
    assert dangers_in(citation.as_ama()) == []


def test_contact_page_and_notices_link_stored_web_addresses(demo):
    ClinicProfile.objects.update(map_url="https://maps.example.org/?q=clinic")
    html = Client().get("/contact/").content.decode()
    assert 'href="https://maps.example.org/?q=clinic"' in html
