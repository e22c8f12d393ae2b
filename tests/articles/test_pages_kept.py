"""A page read again is not built again while nothing it shows has changed; any change
shows at the next request (articles/pages.py, page_to_read)."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article, ArticleCallout, Callout, SpanishState
from clinic_site.models import ClinicProfile
from conditions.models import AlternativeName, BodyRegion, CareAdvice, RedFlag
from references.models import CitationAuthor
from tests.factories import (
    add_records,
    make_article,
    make_citation,
    make_condition,
    make_guide,
    make_practitioner,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def guide():
    region = BodyRegion.objects.create(name="Sample region", slug="sample-region")
    guide = make_guide(make_condition(body_region=region), reviewer=make_practitioner())
    add_records(guide.condition, 2)
    callout = Callout.objects.create(label="Sample", title="Sample box", body="<p>Box.</p>")
    ArticleCallout.objects.create(article=guide, callout=callout)
    return guide


def read(client, page):
    response = client.get(page.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_a_page_read_again_takes_one_query_its_own_row(client, guide):
    read(client, guide)
    with CaptureQueriesContext(connection) as queries:
        html = read(client, guide)
    assert len(queries) == 1, [query["sql"] for query in queries.captured_queries]
    assert html.count('class="record"') == 4


# Each change is made as the admin makes it (a save, a create, a delete) and committed, so
# the page is marked changed; the page, read just before, must show it at once.
CHANGES = {
    "symptom name": lambda g: rename(g.condition.symptom_links.first().symptom, "name"),
    "symptom note": lambda g: rename(g.condition.symptom_links.first(), "note"),
    "cause details": lambda g: rename(g.condition.cause_links.first().cause, "details", HTML),
    "treatment note": lambda g: rename(g.condition.treatment_links.first(), "note", HTML),
    "citation title": lambda g: rename(g.condition.citation_links.first().citation, "title"),
    "citation author": lambda g: CitationAuthor.objects.create(
        citation=g.condition.citation_links.first().citation, group_name=MARK, order=9
    ),
    "evidence": lambda g: g.condition.cause_links.first().citations.add(make_citation(title=MARK)),
    "callout body": lambda g: rename(g.callout_links.get().callout, "body", HTML),
    "condition summary": lambda g: rename(g.condition, "summary"),
    "other name": lambda g: AlternativeName.objects.create(condition=g.condition, name=MARK),
    "care advice": lambda g: CareAdvice.objects.create(condition=g.condition, text=MARK),
    "red flag": lambda g: RedFlag.objects.create(condition=g.condition, text=MARK),
    "body region": lambda g: rename(g.condition.body_region, "name"),
    "reviewer": lambda g: rename(g.reviewer, "name"),
    "page title": lambda g: rename(Article.objects.get(pk=g.pk), "title"),
}
MARK = "Sample changed text"
HTML = "<p>{}</p>"


def rename(record, field, template="{}"):
    setattr(record, field, template.format(MARK))
    record.save()


@pytest.mark.parametrize("change", CHANGES)
def test_every_kind_of_change_shows_at_the_next_request(client, guide, committed, change):
    assert MARK not in read(client, guide)
    with committed():
        CHANGES[change](guide)
    assert MARK in read(client, guide)


def test_a_deleted_record_is_gone_at_the_next_request(client, guide, committed):
    flag = RedFlag.objects.create(condition=guide.condition, text=MARK)
    assert MARK in read(client, guide)
    with committed():
        flag.delete()
    assert MARK not in read(client, guide)


def test_the_clinics_new_phone_shows_in_the_care_cards_at_once(client, guide):
    read(client, guide)
    profile = ClinicProfile.load()
    profile.phone = "(555) 010-0199"
    profile.save()
    html = read(client, guide)
    assert html.count("(555) 010-0199") >= 3  # header, care card, footer


def test_a_scheduled_related_page_appears_when_its_time_comes(client, guide, monkeypatch):
    soon = timezone.now() + timedelta(hours=1)
    related = make_article(title="Sample related reading", published_at=soon)
    related.related_conditions.add(guide.condition)
    assert "Sample related reading" not in read(client, guide)
    later = soon + timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert "Sample related reading" in read(client, guide)


def test_spanish_related_reading_follows_each_pages_spanish(client, guide):
    spanish = {"title_es": "Guía de muestra", "slug_es": "guia-de-muestra"}
    Article.objects.filter(pk=guide.pk).update(spanish_state=SpanishState.REVIEWED, **spanish)
    related = make_article(title="Sample related", title_es="Lectura de muestra", slug_es="lm")
    related.related_conditions.add(guide.condition)
    page = Article.objects.get(pk=guide.pk)
    url = page.url_in("es")
    assert "Lectura de muestra" not in client.get(url).content.decode()
    # Where a page's Spanish stands changes without marking other pages changed.
    Article.objects.filter(pk=related.pk).update(spanish_state=SpanishState.REVIEWED)
    assert "Lectura de muestra" in client.get(url).content.decode()


def test_related_candidates_are_kept_only_when_none_was_cut_short(guide, monkeypatch):
    from articles import pages

    monkeypatch.setattr(pages, "RELATED_KEPT", 3)
    monkeypatch.setattr(pages, "RELATED_SHOWN", 1)
    later = timezone.now() + timedelta(days=1)
    scheduled = [make_article(published_at=later + timedelta(hours=n)) for n in range(3)]
    for page in scheduled:
        page.related_conditions.add(guide.condition)
    # Three scheduled pages fill what is read: a fourth, or a live one, may lie beyond.
    assert pages.RelatedCandidates.of(guide) is None
    scheduled[0].delete()
    live = make_article(published_at=timezone.now() - timedelta(days=1))
    live.related_conditions.add(guide.condition)
    candidates = pages.RelatedCandidates.of(guide)
    assert [page.pk for page in candidates.pages] == [scheduled[2].pk, scheduled[1].pk, live.pk]
    assert [page.pk for page in candidates.live(timezone.now())] == [live.pk]
    assert [page.pk for page in candidates.live(later + timedelta(hours=1, minutes=1))] == [
        scheduled[1].pk
    ]
