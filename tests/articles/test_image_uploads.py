"""Images uploaded through the admin: refused over the limits, stored re-encoded."""

import io

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from articles.models import Article, Practitioner
from tests.articles.test_admin import ADD_URL, article_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def practitioner(client, demo, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    assert client.login(username="practitioner", password="practitioner-demo")
    return client


def image_file(image, image_format, name, **options):
    buffer = io.BytesIO()
    image.save(buffer, image_format, **options)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def test_a_hundred_megapixel_image_is_refused_in_the_admin_naming_the_limit(practitioner):
    huge = image_file(Image.new("1", (10_000, 10_000)), "PNG", "huge.png")

    response = practitioner.post(ADD_URL, article_form(hero_image=huge, hero_image_alt="x"))

    assert response.status_code == 200
    assert "an image can have at most 40 megapixels" in response.content.decode()
    assert not Article.objects.filter(slug="sample-article").exists()


def test_a_fifty_megabyte_file_is_refused_in_the_admin_naming_the_limit(practitioner):
    big = image_file(Image.new("RGB", (8, 8)), "PNG", "big.png")
    big = SimpleUploadedFile("big.png", big.read() + b"\0" * (50 * 1024 * 1024))

    response = practitioner.post(ADD_URL, article_form(hero_image=big, hero_image_alt="x"))

    assert response.status_code == 200
    assert "an image can be at most 10.0\xa0MB" in response.content.decode()
    assert not Article.objects.filter(slug="sample-article").exists()


def test_a_practitioners_photo_is_stored_without_its_gps_position(practitioner):
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (40.0, 26.0, 46.0)}
    photo = image_file(Image.new("RGB", (40, 40)), "JPEG", "me-at-home.jpg", exif=exif)

    response = practitioner.post(
        "/admin/articles/practitioner/add/", {"name": "Sample Practitioner", "photo": photo}
    )

    assert response.status_code == 302
    stored = Practitioner.objects.get(name="Sample Practitioner").photo
    assert stored.name.startswith("practitioners/")
    assert "me-at-home" not in stored.name
    for path in default_storage.base_location.rglob("*.*"):
        data = path.read_bytes()
        assert b"Exif" not in data and b"GPS" not in data, path.name
