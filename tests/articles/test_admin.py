import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from articles.models import Article
from tests.factories import make_article

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/articles/article/add/"


def article_form(**changes):
    data = {
        "title": "Sample article",
        "slug": "sample-article",
        "summary": "Sample summary for tests.",
        "body": "<p>Sample text.</p>",
        "status": "draft",
        "hero_image_alt": "",
        "callout_links-TOTAL_FORMS": "0",
        "callout_links-INITIAL_FORMS": "0",
        "citation_links-TOTAL_FORMS": "0",
        "citation_links-INITIAL_FORMS": "0",
    }
    return data | changes


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(buffer, "PNG")
    return buffer.getvalue()


def test_practitioner_adds_an_article(practitioner):
    response = practitioner.post(ADD_URL, article_form())
    assert response.status_code == 302
    assert Article.objects.filter(slug="sample-article").exists()


def test_duplicate_slug_is_refused_in_plain_words_and_nothing_is_saved(practitioner):
    make_article(slug="sample-article", title="Already here")
    response = practitioner.post(ADD_URL, article_form(title="Second"))
    assert response.status_code == 200
    assert "already uses this web address" in response.content.decode()
    assert not Article.objects.filter(title="Second").exists()


def test_a_file_that_is_not_an_image_is_refused(practitioner):
    fake = SimpleUploadedFile("photo.png", b"%PDF-1.4 not an image", content_type="image/png")
    response = practitioner.post(ADD_URL, article_form(hero_image=fake, hero_image_alt="x"))
    assert response.status_code == 200
    assert "Upload a valid image" in response.content.decode()
    assert not Article.objects.filter(slug="sample-article").exists()


def test_a_draft_saves_an_image_without_a_description_but_cannot_publish(
    practitioner, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    image = SimpleUploadedFile("photo.png", png_bytes(), content_type="image/png")
    response = practitioner.post(ADD_URL, article_form(hero_image=image, _publish="1"))
    assert response.status_code == 302
    article = Article.objects.get(slug="sample-article")
    assert article.hero_image.name.startswith("articles/")  # the chosen image is kept
    assert article.state == Article.State.DRAFT
    page = practitioner.get(response.url).content.decode()
    assert "Describe the image for patients who cannot see it" in page
    assert 'href="#id_hero_image_alt"' in page


def test_a_refused_save_says_plainly_that_the_image_must_be_chosen_again(
    practitioner, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    make_article(slug="sample-article", title="Already here")
    image = SimpleUploadedFile("photo.png", png_bytes(), content_type="image/png")
    response = practitioner.post(ADD_URL, article_form(title="Second", hero_image=image))
    assert response.status_code == 200
    assert "Choose the image again" in response.content.decode()


def test_an_image_with_a_description_is_saved(practitioner, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    image = SimpleUploadedFile("photo.png", png_bytes(), content_type="image/png")
    response = practitioner.post(ADD_URL, article_form(hero_image=image, hero_image_alt="A spine"))
    assert response.status_code == 302
    assert Article.objects.get(slug="sample-article").hero_image.name.startswith("articles/")


def test_script_in_rich_text_is_removed_on_save(practitioner):
    body = '<p onclick="steal()">Sample<script>alert(1)</script></p>'
    practitioner.post(ADD_URL, article_form(body=body))
    assert Article.objects.get(slug="sample-article").body == "<p>Sample</p>"


def test_rich_text_is_sanitised_even_when_saved_outside_a_form():
    article = make_article(body='<p>Sample</p><img src="x" onerror="steal()">')
    article.refresh_from_db()
    assert article.body == "<p>Sample</p>"


def test_article_list_searches_articles_only(practitioner):
    html = practitioner.get("/admin/articles/article/?q=scoliosis").content.decode()
    assert "Pelvic and Lower Extremity" in html
    html = practitioner.get("/admin/articles/article/").content.decode()
    assert "Thoracic Upper Back Pain" not in html  # a guide: listed under Guides


def test_change_page_links_to_the_public_page(practitioner):
    article = Article.objects.stories().get()
    html = practitioner.get(f"/admin/articles/article/{article.pk}/change/").content.decode()
    assert "View on site" in html
    assert "prose-editor" in html


def test_changing_the_last_review_moves_the_next_review(practitioner):
    import re
    from datetime import date

    article = Article.objects.stories().get()
    url = f"/admin/articles/article/{article.pk}/change/"
    html = practitioner.get(url).content.decode()
    token = re.search(r'name="edit_token" value="([^"]+)"', html).group(1)
    data = article_form(
        title=article.title,
        slug=article.slug,
        summary=article.summary,
        body=article.body,
        author=article.author_id,
        reviewer=article.reviewer_id,
        published_at_0="2026-03-12",
        published_at_1="00:00:00",
        last_reviewed="2026-11-01",
        next_review_due=article.next_review_due.isoformat(),
        edit_token=token,
    )
    assert practitioner.post(url, data).status_code == 302
    article.refresh_from_db()
    assert article.next_review_due == date(2027, 11, 1)


def test_receptionist_gets_404_for_a_draft_page(client, demo):
    Article.objects.filter(slug="leg-spasms-and-cramping").update(status="draft")
    client.login(username="receptionist", password="receptionist-demo")
    assert client.get("/conditions/leg-spasms-and-cramping/").status_code == 404


def test_the_list_shows_the_grade_stored_when_the_edit_screen_last_worked_it_out(practitioner):
    article = Article.objects.stories().get()
    Article.objects.update(reading_grade=None)
    listed = practitioner.get("/admin/articles/article/").content.decode()
    assert '<td class="field-grade">—</td>' in listed
    practitioner.get(f"/admin/articles/article/{article.pk}/change/")
    article.refresh_from_db()
    assert article.reading_grade is not None
    listed = practitioner.get("/admin/articles/article/").content.decode()
    assert f'<td class="field-grade">{article.reading_grade} ' in listed
