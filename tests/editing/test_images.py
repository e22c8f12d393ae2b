"""Uploaded images: limits, re-encoding, unguessable names, sizes, and cleaning unused files."""

import io
import os
import time

import pytest
import reversion
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from PIL import Image

from editing.images import check_image
from tests.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def encoded(image, image_format, **options):
    buffer = io.BytesIO()
    image.save(buffer, image_format, **options)
    return buffer.getvalue()


def upload(data, name="photo.png"):
    return SimpleUploadedFile(name, data, content_type="image/png")


def stored_names():
    return sorted(str(path.relative_to(default_storage.location)) for path in media_files())


def media_files():
    return [path for path in default_storage.base_location.rglob("*") if path.is_file()]


def save_image(article, data, name="photo.png"):
    with reversion.create_revision():
        article.hero_image = ContentFile(data, name=name)
        article.hero_image_alt = "Sample description"
        article.save()
    return article.hero_image.name


# --- Limits ------------------------------------------------------------------------------


def test_an_image_over_the_pixel_limit_is_refused_naming_the_limit():
    hundred_megapixels = encoded(Image.new("1", (10_000, 10_000)), "PNG")
    assert len(hundred_megapixels) < 1_000_000  # small on disk, huge once decoded

    with pytest.raises(ValidationError) as refused:
        check_image(upload(hundred_megapixels))

    assert "10,000 × 10,000 (100 MP)" in refused.value.messages[0]
    assert "at most 40 megapixels" in refused.value.messages[0]


def test_a_decompression_bomb_is_refused_naming_the_limit():
    bomb = encoded(Image.new("1", (20_000, 20_000)), "PNG")  # 400 MP: Pillow's own error

    with pytest.raises(ValidationError) as refused:
        check_image(upload(bomb))

    assert "at most 40 megapixels" in refused.value.messages[0]


def test_a_file_over_the_size_limit_is_refused_naming_the_limit():
    fifty_megabytes = encoded(Image.new("RGB", (8, 8)), "PNG") + b"\0" * (50 * 1024 * 1024)

    with pytest.raises(ValidationError) as refused:
        check_image(upload(fifty_megabytes))

    message = refused.value.messages[0].replace("\xa0", " ")  # sizes keep their unit on one line
    assert message == "This file is 50.0 MB; an image can be at most 10.0 MB."


def test_the_clinic_sets_the_limits(settings):
    settings.CLINIC_IMAGE_MAX_PIXELS = 100
    with pytest.raises(ValidationError) as too_many_pixels:
        check_image(upload(encoded(Image.new("RGB", (20, 20)), "PNG")))
    settings.CLINIC_IMAGE_MAX_BYTES = 10
    with pytest.raises(ValidationError) as too_large:
        check_image(upload(encoded(Image.new("RGB", (2, 2)), "PNG")))

    assert "20 × 20 (0 MP)" in too_many_pixels.value.messages[0]
    assert "at most 10\xa0bytes" in too_large.value.messages[0]


@pytest.mark.parametrize(
    "data", [b"GIF89a not allowed", encoded(Image.new("RGB", (4, 4)), "GIF"), b"<svg/>"]
)
def test_anything_but_jpeg_png_or_webp_is_refused(data):
    with pytest.raises(ValidationError, match="a JPEG, PNG or WebP file"):
        check_image(upload(data))


# --- Re-encoding and names -----------------------------------------------------------------


def gps_photo():
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90°": the camera was held upright
    exif[0x8825] = {1: "N", 2: (40.0, 26.0, 46.0), 3: "W", 4: (79.0, 58.0, 56.0)}
    return encoded(Image.new("RGB", (64, 48), "red"), "JPEG", exif=exif)


def test_a_photo_is_stored_without_its_gps_position_and_upright():
    original = gps_photo()
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(0x8825)  # GPS is there

    name = save_image(make_article(), original, name="photo.jpg")

    stored = default_storage.open(name).read()
    image = Image.open(io.BytesIO(stored))
    assert image.format == "JPEG"
    assert dict(image.getexif()) == {}
    assert b"Exif" not in stored
    assert image.size == (48, 64)  # turned as the camera said, before the EXIF went


def test_a_png_with_bytes_appended_is_stored_re_encoded_without_them():
    pixels = Image.new("RGB", (16, 16), "blue")
    original = encoded(pixels, "PNG") + b"<html><script>alert(1)</script></html>"

    name = save_image(make_article(), original)

    stored = default_storage.open(name).read()
    assert b"<script>" not in stored
    assert stored != original
    assert Image.open(io.BytesIO(stored)).convert("RGB").tobytes() == pixels.tobytes()


def test_an_image_is_stored_under_a_random_name_not_its_upload_name():
    data = encoded(Image.new("RGB", (8, 8)), "PNG")
    first = save_image(make_article(), data, name="draft-secret-plan.png")
    second = save_image(make_article(), data, name="draft-secret-plan.png")

    assert "draft-secret-plan" not in first
    assert first.startswith("articles/") and first.endswith(".png")
    assert len(first.removeprefix("articles/").removesuffix(".png")) >= 24
    assert first != second


# --- Sizes ---------------------------------------------------------------------------------


def test_sizes_are_made_on_save_as_webp_and_a_fallback():
    name = save_image(make_article(), encoded(Image.new("RGB", (1200, 800)), "JPEG"), "a.jpg")

    assert set(stored_names()) == {
        name,
        *(f"{name}.w{width}.{ext}" for width in (480, 960, 1200) for ext in ("webp", "jpg")),
    }
    assert Image.open(default_storage.open(f"{name}.w480.webp")).size == (480, 320)


def test_an_image_with_transparency_falls_back_to_png():
    name = save_image(make_article(), encoded(Image.new("RGBA", (300, 200)), "PNG"))

    assert set(stored_names()) == {name, f"{name}.w300.webp", f"{name}.w300.png"}


def test_the_page_lists_the_sizes_and_reuses_them(client):
    article = make_article()
    name = save_image(article, encoded(Image.new("RGB", (1000, 500)), "JPEG"), "a.jpg")

    html = client.get(article.get_absolute_url()).content.decode()

    assert f'srcset="/media/{name}.w480.webp 480w, /media/{name}.w960.webp 960w' in html
    assert f"/media/{name}.w480.jpg 480w" in html
    assert 'sizes="(min-width: 42rem) 40rem, 100vw"' in html
    assert 'width="1000" height="500" alt="Sample description"' in html
    made = {path: path.stat().st_mtime_ns for path in media_files()}
    default_storage.delete(f"{name}.w480.webp")  # as if lost: made again on first use
    cache.clear()
    client.get(article.get_absolute_url())
    remade = {path: path.stat().st_mtime_ns for path in media_files()}
    assert remade.keys() == made.keys()
    changed = [path.name for path in made if made[path] != remade[path]]
    assert changed == [f"{name.split('/')[-1]}.w480.webp"]  # the others were reused


# --- Cleaning unused files -------------------------------------------------------------------


def make_old(*names):
    """Age files past clean_media's grace period for saves still in progress."""
    an_hour_ago = time.time() - 2 * 3600
    for name in names:
        os.utime(default_storage.path(name), (an_hour_ago, an_hour_ago))


def all_old():
    make_old(*stored_names())


def test_clean_media_keeps_files_any_version_can_restore_and_removes_the_rest():
    article = make_article()
    first = save_image(article, encoded(Image.new("RGB", (600, 400)), "JPEG"), "a.jpg")
    second = save_image(article, encoded(Image.new("RGB", (600, 400), "red"), "JPEG"), "b.jpg")
    orphan = default_storage.save("articles/left-over.png", ContentFile(gps_photo()))
    orphan_size = default_storage.save("articles/left-over.png.w480.webp", ContentFile(b"x"))
    deleted_article = make_article()
    of_deleted = save_image(deleted_article, encoded(Image.new("RGB", (50, 50)), "PNG"))
    deleted_article.delete()  # its version remains, so "Recover deleted" can bring it back
    all_old()
    before = set(stored_names())

    call_command("clean_media", "--dry-run", stdout=io.StringIO())
    assert set(stored_names()) == before
    out = io.StringIO()
    call_command("clean_media", stdout=out)

    after = set(stored_names())
    assert before - after == {orphan, orphan_size}
    assert {first, second, of_deleted} <= after  # the first lives on in the first version
    assert f"{first}.w480.webp" in after
    assert "Removed 2 unused files" in out.getvalue()


def test_clean_media_leaves_a_file_just_uploaded_alone():
    fresh = default_storage.save("articles/in-progress.png", ContentFile(b"x"))
    call_command("clean_media", stdout=io.StringIO())
    assert fresh in stored_names()
