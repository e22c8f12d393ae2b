"""What search engines and link previews read: canonical links, descriptions, Open Graph
tags, the favicon, the sitemap, and the clinic as a MedicalClinic with its real hours."""

import re
from datetime import date, time, timedelta
from xml.etree import ElementTree

import pytest
from django.urls import translate_url
from django.utils import timezone

from articles.models import Article, SpanishState
from clinic_site import selectors
from clinic_site.models import ClinicProfile, SpecialHours
from conditions.models import Symptom
from tests.factories import make_article, make_guide
from tests.schema_org import json_ld_blocks, of_type, terms_outside_the_vocabulary

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = [
    "/",
    "/conditions/",
    "/articles/",
    "/contact/",
    "/conditions/leg-spasms-and-cramping/",
    "/conditions/thoracic-upper-back-pain/",
    "/articles/pelvic-and-lower-extremity-imbalances-can-lead-to-scoliosis/",
]
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def head_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode().split("</head>")[0]


def meta(head, attribute, name):
    found = re.findall(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)">', head)
    assert len(found) == 1, (name, found)
    return found[0]


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_every_public_page_has_canonical_link_description_and_open_graph(client, demo, url):
    head = head_of(client, url)
    assert f'<link rel="canonical" href="http://testserver{url}">' in head
    assert len(meta(head, "name", "description")) > 40
    assert meta(head, "property", "og:url") == f"http://testserver{url}"
    assert meta(head, "property", "og:title")
    assert meta(head, "property", "og:description") == meta(head, "name", "description")
    assert meta(head, "property", "og:site_name") == ClinicProfile.load().name
    assert meta(head, "property", "og:type") in ("website", "article")


def test_descriptions_differ_between_pages(client, demo):
    descriptions = [meta(head_of(client, url), "name", "description") for url in PUBLIC_PAGES]
    assert len(set(descriptions)) == len(descriptions)


def test_canonical_link_leaves_out_the_query_but_a_lists_page_number(client, demo):
    head = head_of(client, "/conditions/?region=legs")
    assert '<link rel="canonical" href="http://testserver/conditions/">' in head
    head = head_of(client, "/articles/?page=1")
    assert '<link rel="canonical" href="http://testserver/articles/">' in head
    for number in range(25):
        make_article(slug=f"sample-listed-{number}")
    head = head_of(client, "/articles/?page=2&utm_source=x")
    assert '<link rel="canonical" href="http://testserver/articles/?page=2">' in head


def test_guide_is_an_open_graph_article_titled_as_the_guide(client, demo):
    head = head_of(client, "/conditions/leg-spasms-and-cramping/")
    assert meta(head, "property", "og:type") == "article"
    assert meta(head, "property", "og:title") == "Leg Spasms and Cramping"


@pytest.mark.parametrize(
    ("url", "signature"),
    [("/favicon.ico", b"\x00\x00\x01\x00"), ("/apple-touch-icon.png", b"\x89PNG")],
)
def test_icons_answer_at_the_sites_root(client, url, signature):
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(signature)


def test_pages_link_the_favicon(client, demo):
    assert '<link rel="icon" href="/favicon.ico"' in head_of(client, "/")


def sitemap_entries(client):
    root = ElementTree.fromstring(client.get("/sitemap.xml").content)
    return {
        entry.find(f"{SITEMAP}loc").text.removeprefix("http://testserver"): getattr(
            entry.find(f"{SITEMAP}lastmod"), "text", None
        )
        for entry in root.iter(f"{SITEMAP}url")
    }


def test_sitemap_lists_every_public_page_and_nothing_else(client, demo):
    make_guide(published=False, slug="sample-draft")
    listing_pages = ["/", "/conditions/", "/articles/", "/contact/"]
    public_in_spanish = Article.objects.published().in_language("es")
    spanish = [translate_url(url, "es") for url in listing_pages] + [
        page.url_in("es") for page in public_in_spanish
    ]
    assert set(sitemap_entries(client)) == set(PUBLIC_PAGES) | set(spanish)


def test_sitemap_gives_each_page_its_other_language_address(client, demo):
    guide = Article.objects.get(slug="leg-spasms-and-cramping")
    guide.slug_es = "muestra-espasmos"
    guide.save()
    Article.objects.filter(pk=guide.pk).update(spanish_state=SpanishState.REVIEWED)
    english_only = f"http://testserver{make_guide().url_in('en')}"
    root = ElementTree.fromstring(client.get("/sitemap.xml").content)
    alternates = {
        entry.find(f"{SITEMAP}loc").text: {
            link.get("hreflang"): link.get("href")
            for link in entry.iter("{http://www.w3.org/1999/xhtml}link")
        }
        for entry in root.iter(f"{SITEMAP}url")
    }
    english, spanish = (f"http://testserver{guide.url_in(code)}" for code in ("en", "es"))
    assert alternates[english] == alternates[spanish] == {"en": english, "es": spanish}
    assert set(alternates[english_only]) == {"en"}


@pytest.mark.django_db(transaction=True)  # pages are marked changed when the save commits
def test_sitemap_lastmod_is_the_pages_real_last_change_records_included(client, demo):
    guide = Article.objects.get(slug="leg-spasms-and-cramping")
    long_ago = timezone.now() - timedelta(days=400)
    Article.objects.update(last_changed=long_ago)
    entries = sitemap_entries(client)
    assert entries[guide.get_absolute_url()] == f"{long_ago:%Y-%m-%d}"
    assert entries["/conditions/"] == f"{long_ago:%Y-%m-%d}"

    symptom = guide.condition.symptom_links.first().symptom
    symptom.name = "Soreness (sample rename)"
    symptom.save()  # a record the guide shows: its page is marked changed at commit

    entries = sitemap_entries(client)
    today = f"{timezone.now():%Y-%m-%d}"
    assert entries[guide.get_absolute_url()] == today
    assert entries["/conditions/"] == entries["/"] == today
    assert entries["/articles/"] == f"{long_ago:%Y-%m-%d}"  # lists no page that changed
    assert Symptom.objects.filter(name__endswith="(sample rename)").exists()


def clinic_node(client, url="/contact/"):
    (clinic,) = of_type(json_ld_blocks(client.get(url).content.decode()), "MedicalClinic")
    return clinic


def test_clinic_is_a_medical_clinic_with_phone_address_and_weekly_hours(client, demo):
    ClinicProfile.objects.update(street_address="1 Sample Street", locality="El Paso", region="TX")
    clinic = clinic_node(client)
    profile = ClinicProfile.load()
    assert clinic["@id"] == "http://testserver/#clinic"
    assert clinic["telephone"] == profile.phone
    assert clinic["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "1 Sample Street",
        "addressLocality": "El Paso",
        "addressRegion": "TX",
    }
    weekly = [spec for spec in clinic["openingHoursSpecification"] if "dayOfWeek" in spec]
    assert {spec["dayOfWeek"] for spec in weekly} == {
        f"https://schema.org/{day}"
        for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
    }
    assert {(spec["opens"], spec["closes"]) for spec in weekly} == {("08:00", "18:00")}


def test_clinic_hours_include_upcoming_special_hours_and_drop_past_ones(client, demo, monkeypatch):
    monkeypatch.setattr(selectors, "today", lambda: date(2026, 11, 20))
    SpecialHours.objects.all().delete()  # the demo's sample closure: only this test's dates
    SpecialHours.objects.create(date=date(2026, 11, 26), closed=True, note="Thanksgiving")
    SpecialHours.objects.create(date=date(2026, 12, 24), opens=time(8), closes=time(12))
    SpecialHours.objects.create(date=date(2026, 11, 2), closed=True, note="Past")

    clinic = clinic_node(client, "/")
    special = [spec for spec in clinic["openingHoursSpecification"] if "validFrom" in spec]
    assert special == [
        {
            "@type": "OpeningHoursSpecification",
            "validFrom": "2026-11-26",
            "validThrough": "2026-11-26",
            "opens": "00:00",
            "closes": "00:00",
            "name": "Thanksgiving",
        },
        {
            "@type": "OpeningHoursSpecification",
            "validFrom": "2026-12-24",
            "validThrough": "2026-12-24",
            "opens": "08:00",
            "closes": "12:00",
        },
    ]
    assert terms_outside_the_vocabulary(clinic | {"@context": "https://schema.org"}) == []


def test_guide_names_the_clinic_as_its_publisher(client, demo):
    blocks = json_ld_blocks(client.get("/conditions/leg-spasms-and-cramping/").content.decode())
    (webpage,) = of_type(blocks, "MedicalWebPage")
    (clinic,) = of_type(blocks, "MedicalClinic")
    assert webpage["publisher"] == {"@id": clinic["@id"]}
