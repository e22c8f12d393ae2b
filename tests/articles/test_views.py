from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from articles.models import Article, ArticleCitation, SpanishState
from articles.pages import forget_built_pages
from tests.clinic_site.test_metadata import sitemap_entries
from tests.factories import (
    add_records,
    make_article,
    make_citation,
    make_condition,
    make_guide,
)

pytestmark = pytest.mark.django_db


def guide_url(guide):
    return reverse("guides:detail", kwargs={"slug": guide.slug})


def test_guide_shows_its_sections_in_the_agreed_order(client, demo):
    html = client.get("/conditions/leg-spasms-and-cramping/").content.decode()
    headings = [
        "<h1>Leg Spasms and Cramping</h1>",
        'id="symptoms"',
        'id="get-care"',
        'id="causes"',
        'id="treatments"',
        "Track Inflammation and Fluid Imbalances",
        'id="references"',
        'class="byline"',
        "Page last reviewed",
    ]
    positions = [html.index(heading) for heading in headings]
    assert positions == sorted(positions)


def test_draft_guide_is_not_found_by_the_public(client):
    guide = make_guide(published=False)
    response = client.get(guide_url(guide))
    assert response.status_code == 404
    assert "We could not find that page" in response.content.decode()


def test_draft_guide_is_shown_to_staff_with_a_not_public_banner(client, admin_user):
    guide = make_guide(published=False)
    client.force_login(admin_user)
    response = client.get(guide_url(guide))
    assert response.status_code == 200
    assert "Not public" in response.content.decode()


def test_draft_is_missing_from_public_lists(client):
    make_guide(make_condition("Hidden draft condition"), published=False)
    make_article(title="Hidden draft article", published=False)
    for url in ["/", "/conditions/", "/articles/"]:
        assert "Hidden draft" not in client.get(url).content.decode(), url


def test_article_is_not_served_under_conditions_and_guide_not_under_articles(client):
    article = make_article()
    guide = make_guide()
    assert client.get(f"/conditions/{article.slug}/").status_code == 404
    assert client.get(f"/articles/{guide.slug}/").status_code == 404


@pytest.mark.parametrize("url", ["/conditions/no-such-guide/", "/articles/nope/", "/nowhere/"])
def test_unknown_address_gives_the_404_page_in_the_site_layout(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert 'class="site-footer"' in response.content.decode()


def test_references_are_linked_dois_in_ama_style(client, demo):
    html = client.get("/conditions/thoracic-upper-back-pain/").content.decode()
    assert 'doi:<a href="https://doi.org/10.1113/EP085355">10.1113/EP085355</a>' in html
    assert "Briggs AM, Smith AJ, Straker LM, Bragge P." in html


def test_guide_lists_a_reference_shared_with_its_condition_once(client):
    guide = make_guide()
    add_records(guide.condition, 1)
    shared = guide.condition.citations.get()
    ArticleCitation.objects.create(article=guide, citation=shared)
    ArticleCitation.objects.create(article=guide, citation=make_citation(title="Page only"))
    html = client.get(guide_url(guide)).content.decode().split("<body>")[1]  # not the JSON-LD
    assert html.count(shared.title) == 1
    assert html.index(shared.title) < html.index("Page only")


def test_body_region_filter_narrows_the_a_to_z(client, demo):
    html = client.get("/conditions/?region=legs").content.decode()
    assert "Leg Spasms and Cramping" in html
    assert "Thoracic Upper Back Pain" not in html


def test_unknown_body_region_is_a_404(client, demo):
    assert client.get("/conditions/?region=elbows").status_code == 404


@pytest.mark.parametrize("anonymous", [True, False])
def test_guide_query_count_does_not_grow_with_its_records(client, admin_user, anonymous):
    if not anonymous:
        client.force_login(admin_user)
    client.get("/")  # the clinic's details are cached site-wide after any first page
    counts = []
    for size in (3, 30):
        guide = make_guide()
        add_records(guide.condition, size)
        client.get(guide_url(guide))  # counted as the second request for the page
        forget_built_pages()  # counted as built anew, not as this worker kept it
        with CaptureQueriesContext(connection) as queries:
            response = client.get(guide_url(guide))
        assert response.status_code == 200
        assert response.content.decode().count('class="record"') == 2 * size
        counts.append(len(queries))
    assert counts[0] == counts[1], [query["sql"] for query in queries.captured_queries]
    if anonymous:
        assert counts[0] <= 10, [query["sql"] for query in queries.captured_queries]


def test_sitemap_and_feed_list_only_public_pages(client):
    public = make_article(title="Public sample page")
    make_article(title="Draft sample page", slug="draft-sample", published=False)
    make_article(
        title="Scheduled sample page",
        slug="scheduled-sample",
        published_at=timezone.now() + timedelta(days=1),
    )
    sitemap = set(sitemap_entries(client))
    feed = client.get("/feeds/articles/").content.decode()
    assert public.get_absolute_url() in sitemap
    assert "Public sample page" in feed
    for hidden in ("draft-sample", "scheduled-sample"):
        assert not any(hidden in address for address in sitemap)
    assert "Draft sample page" not in feed and "Scheduled sample page" not in feed


def test_robots_txt_keeps_crawlers_out_of_admin_and_previews(client):
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in text and "Disallow: /articles/preview/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


def test_the_articles_list_is_paginated_and_a_page_that_is_not_there_is_a_404(client):
    from articles.views import ARTICLES_PER_PAGE

    for number in range(ARTICLES_PER_PAGE + 3):
        make_article(title=f"Sample listed article {number:02d}")
    first = client.get("/articles/").content.decode()
    second = client.get("/articles/?page=2").content.decode()
    assert first.count('class="card"') == ARTICLES_PER_PAGE
    assert second.count('class="card"') == 3
    assert 'rel="next"' in first and 'rel="prev"' in second
    for bad in ("3", "0", "abc"):
        assert client.get(f"/articles/?page={bad}").status_code == 404, bad


def test_the_articles_list_takes_the_same_queries_for_any_number_of_articles(client):
    client.get("/")
    counts = []
    for how_many in (2, 40):
        for _ in range(how_many):
            make_article()
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/articles/").status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


@pytest.mark.parametrize("url_name", ["home", "articles:index", "guides:index"])
def test_lists_in_spanish_take_the_same_queries_for_any_number_of_pages(client, url_name):
    """A list reads only the columns its cards show, in both languages, so reading a page
    in Spanish never loads a column one page at a time."""
    with override("es"):
        url = reverse(url_name)
    client.get(url)  # the clinic's details are cached after any first page
    counts = []
    for how_many in (2, 20):
        for number in range(how_many):
            page = make_guide() if number % 2 else make_article()
            Article.objects.filter(pk=page.pk).update(
                spanish_state=SpanishState.REVIEWED,
                title_es=f"Página de muestra {page.pk}",
                slug_es=f"pagina-de-muestra-{page.pk}",
                summary_es="Resumen de muestra.",
            )
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        assert "Página de muestra" in response.content.decode()
        counts.append(len(queries))
    assert counts[0] == counts[1], [query["sql"] for query in queries.captured_queries]
