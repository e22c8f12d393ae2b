"""A changed slug answers 301 from every old address: printed handouts and QR codes
outlive slugs."""

import pytest

from articles.models import Article, OldAddress
from tests.factories import make_article, make_citation, make_condition, make_guide

pytestmark = pytest.mark.django_db


def rename(article, slug):
    article.slug = slug
    article.save()


def test_guide_renamed_twice_answers_301_from_both_old_addresses(client):
    guide = make_guide(slug="sample-first")
    rename(guide, "sample-second")
    rename(guide, "sample-third")

    for old in ("sample-first", "sample-second"):
        response = client.get(f"/conditions/{old}/")
        assert response.status_code == 301, old
        assert response["Location"] == "/conditions/sample-third/"
    assert client.get("/conditions/sample-third/").status_code == 200


@pytest.mark.parametrize("file_format", ["ris", "bib"])
def test_old_reference_download_addresses_redirect_to_the_new_ones(client, file_format):
    guide = make_guide(slug="sample-old")
    guide.citations.add(make_citation())
    rename(guide, "sample-new")

    response = client.get(f"/conditions/sample-old/references.{file_format}")
    assert response.status_code == 301
    assert response["Location"] == f"/conditions/sample-new/references.{file_format}"
    assert client.get(response["Location"]).status_code == 200


def test_article_old_address_redirects_and_follows_it_when_it_becomes_a_guide(client):
    article = make_article(slug="sample-story")
    rename(article, "sample-story-renamed")
    assert client.get("/articles/sample-story/")["Location"] == "/articles/sample-story-renamed/"

    assert client.get("/conditions/sample-story/").status_code == 404  # never its address

    article.condition = make_condition()
    article.save()
    for old in ("/articles/sample-story/", "/articles/sample-story-renamed/"):
        assert client.get(old)["Location"] == "/conditions/sample-story-renamed/", old


def test_a_page_that_takes_an_old_address_answers_there_itself(client):
    first = make_article(slug="sample-shared")
    rename(first, "sample-first-renamed")
    second = make_article(slug="sample-other")
    rename(second, "sample-shared")

    response = client.get("/articles/sample-shared/")
    assert response.status_code == 200
    assert response.context["article"] == second
    assert not OldAddress.objects.filter(path="/articles/sample-shared/").exists()
    rename(second, "sample-second-renamed")
    # The address is now the latest page's that had it.
    assert client.get("/articles/sample-shared/")["Location"] == "/articles/sample-second-renamed/"


def test_old_address_of_a_draft_is_a_404_for_the_public(client, admin_user):
    draft = make_guide(slug="sample-draft", published=False)
    rename(draft, "sample-draft-renamed")
    assert client.get("/conditions/sample-draft/").status_code == 404
    client.force_login(admin_user)
    assert client.get("/conditions/sample-draft/").status_code == 301


def test_saving_without_a_slug_change_records_nothing():
    guide = make_guide(slug="sample-same")
    guide.title = "Sample retitled"
    guide.save()
    Article.objects.get(pk=guide.pk).save(update_fields=["title"])
    assert not OldAddress.objects.exists()


def test_slug_changed_in_the_guide_admin_redirects(client, demo):
    guide = Article.objects.get(slug="leg-spasms-and-cramping")
    rename(guide, "leg-cramps")
    response = client.get("/conditions/leg-spasms-and-cramping/", follow=True)
    assert response.redirect_chain == [("/conditions/leg-cramps/", 301)]
    assert response.status_code == 200
