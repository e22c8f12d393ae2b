"""Plain fields (titles, names, messages, addresses) show script as text, never as markup.

These are the fields a page's structured data (JSON-LD) would draw on too; any such block
must be built with Django's ``json_script``, which escapes ``<``, ``>`` and ``&``.
"""

import pytest
from django.test import Client
from django.utils import timezone

from articles.models import Article, Practitioner
from clinic_site.models import ClinicProfile, Notice
from tests.editing.xss_vectors import (
    TEXT_VECTORS,
    dangers_in,
    without_the_layouts_search_box,
)

pytestmark = pytest.mark.django_db

PAGE_TAGS = {"link", "meta"}


def test_text_vectors_in_plain_fields_reach_pages_as_text(demo):
    title, summary, name, tagline, message = TEXT_VECTORS
    guide = Article.objects.get(slug="leg-spasms-and-cramping")
    Article.objects.filter(pk=guide.pk).update(title=title, summary=summary)
    Practitioner.objects.filter(pk=guide.author_id).update(name=name, credentials=name)
    ClinicProfile.objects.update(name=name, tagline=tagline, street_address=message)
    today = timezone.localdate()
    Notice.objects.create(message=message, starts_on=today, ends_on=today)
    for url in ["/", "/contact/", "/articles/", guide.get_absolute_url(), "/feeds/articles/"]:
        html = Client().get(url).content.decode()
        assert dangers_in(without_the_layouts_search_box(html), allowed_tags=PAGE_TAGS) == [], url
        for vector in TEXT_VECTORS:
            assert vector not in html, (url, vector)
    page = Client().get(guide.get_absolute_url()).content.decode()
    assert "&quot;&gt;&lt;script&gt;xss(201)&lt;/script&gt;" in page  # shown, as text
