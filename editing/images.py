"""Uploaded images: checked, re-encoded, stored under unguessable names, served in sizes.

Nothing a person uploads is served byte for byte. Every image is

- refused, with a message naming the limit, when the file is larger than
  ``CLINIC_IMAGE_MAX_BYTES`` or the picture has more than ``CLINIC_IMAGE_MAX_PIXELS`` (a
  small file can still decode to gigabytes: a "decompression bomb");
- decoded by Pillow and encoded again in its own format (JPEG, PNG or WebP), which drops
  EXIF (a phone photo's GPS position), XMP, comments and any bytes hidden after the image;
- stored under a random name, so a draft page's image cannot be found from its upload name;
- resized once into a few widths, as WebP and as a JPEG or PNG fallback, beside the
  original with names made from it (``<name>.jpg.w480.webp``), for ``srcset``.

Use ``ReencodedImageField(upload_to=UnguessableName("folder"))`` on a model; its form field
checks the limits and its ``.picture`` gives a template what ``editing/picture.html`` needs.
``manage.py clean_media`` removes files no record and no saved version refers to.
"""

import json
import logging
import re
import secrets
import warnings
from dataclasses import dataclass
from io import BytesIO
from pathlib import PurePosixPath

from django import forms
from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.db.models.fields.files import ImageFieldFile
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

logger = logging.getLogger(__name__)

EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
RENDITION_WIDTHS = (480, 960, 1440)
RENDITION_NAME = re.compile(r"^(?P<original>.+)\.w\d+\.(?:webp|jpg|png)$")


def _megapixels(pixels):
    return f"{pixels / 1_000_000:.1f}".removesuffix(".0")


def check_image(file):
    """Refuse, in words naming the limit, anything but a JPEG, PNG or WebP within limits."""
    max_bytes = settings.CLINIC_IMAGE_MAX_BYTES
    if file.size > max_bytes:
        raise ValidationError(
            _("This file is %(size)s; an image can be at most %(limit)s.")
            % {"size": filesizeformat(file.size), "limit": filesizeformat(max_bytes)},
            code="file_too_large",
        )
    max_pixels = settings.CLINIC_IMAGE_MAX_PIXELS
    too_many_pixels = _(
        "This image is %(size)s pixels; an image can have at most %(limit)s megapixels. "
        "Make it smaller and upload it again."
    )
    file.seek(0)
    try:
        with warnings.catch_warnings():
            # Pillow only warns between its own limit and twice that; ours is checked below.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(file, formats=list(EXTENSIONS)) as image:
                width, height = image.size
    except Image.DecompressionBombError:
        raise ValidationError(
            too_many_pixels % {"size": _("far more"), "limit": _megapixels(max_pixels)},
            code="too_many_pixels",
        ) from None
    except (UnidentifiedImageError, OSError, ValueError):
        raise ValidationError(
            _("Upload a valid image: a JPEG, PNG or WebP file."), code="invalid_image"
        ) from None
    finally:
        file.seek(0)
    if width * height > max_pixels:
        raise ValidationError(
            too_many_pixels
            % {
                "size": f"{width:,} × {height:,} ({_megapixels(width * height)} MP)",
                "limit": _megapixels(max_pixels),
            },
            code="too_many_pixels",
        )


def _encode(image, image_format):
    out = BytesIO()
    icc_profile = image.info.get("icc_profile")  # colours, not a secret: kept
    image.info = {}
    if image_format == "JPEG":
        if image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        image.save(out, "JPEG", quality=85, optimize=True, icc_profile=icc_profile)
    elif image_format == "PNG":
        image.save(out, "PNG", optimize=True, icc_profile=icc_profile)
    else:
        image.save(out, "WEBP", quality=82, icc_profile=icc_profile)
    return out.getvalue()


def reencode(file):
    """The image decoded and encoded again, upright, without metadata: (bytes, extension)."""
    file.seek(0)
    try:
        with Image.open(file, formats=list(EXTENSIONS)) as opened:
            image_format = opened.format
            # The EXIF orientation goes with the rest of the EXIF, so apply it first.
            image = ImageOps.exif_transpose(opened)
            image.load()
    except (UnidentifiedImageError, OSError, ValueError) as error:
        raise ValidationError(
            _("This image could not be read (%(error)s). Upload it again.") % {"error": error},
            code="invalid_image",
        ) from error
    return _encode(image, image_format), EXTENSIONS[image_format]


@deconstructible
class UnguessableName:
    """``upload_to`` giving ``<folder>/<random>.<ext>``: the upload's own name is dropped."""

    def __init__(self, folder):
        self.folder = folder

    def __call__(self, instance, filename):
        extension = PurePosixPath(filename).suffix.lower()
        return f"{self.folder}/{secrets.token_urlsafe(18)}{extension}"

    def __eq__(self, other):
        return isinstance(other, UnguessableName) and other.folder == self.folder


# --- Renditions ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Rendition:
    width: int
    height: int
    webp: str
    fallback: str


@dataclass(frozen=True)
class Picture:
    """What ``editing/picture.html`` shows: the sizes as ``srcset`` lists, largest as src."""

    renditions: tuple
    storage: object

    def _srcset(self, attribute):
        return ", ".join(
            f"{self.storage.url(getattr(rendition, attribute))} {rendition.width}w"
            for rendition in self.renditions
        )

    @property
    def webp_srcset(self):
        return self._srcset("webp")

    @property
    def fallback_srcset(self):
        return self._srcset("fallback")

    @property
    def src(self):
        return self.storage.url(self.renditions[-1].fallback)

    @property
    def width(self):
        return self.renditions[-1].width

    @property
    def height(self):
        return self.renditions[-1].height


def rendition_widths(original_width):
    widths = [width for width in RENDITION_WIDTHS if width < original_width]
    return [*widths, min(original_width, RENDITION_WIDTHS[-1])]


def _cache_key(name):
    return f"editing:renditions:{name}"


def make_renditions(storage, name):
    """Create the missing sizes of a stored image (existing ones are reused) and list them."""
    with storage.open(name) as file, Image.open(file, formats=list(EXTENSIONS)) as original:
        original.load()
        has_alpha = original.mode in ("RGBA", "LA", "PA") or "transparency" in original.info
        fallback_format = "PNG" if has_alpha else "JPEG"
        renditions = []
        for width in rendition_widths(original.width):
            height = max(1, round(original.height * width / original.width))
            webp, fallback = (
                f"{name}.w{width}.webp",
                f"{name}.w{width}.{EXTENSIONS[fallback_format]}",
            )
            for rendition_name, image_format in ((webp, "WEBP"), (fallback, fallback_format)):
                if not storage.exists(rendition_name):
                    resized = original.resize((width, height), Image.Resampling.LANCZOS)
                    saved = storage.save(
                        rendition_name, ContentFile(_encode(resized, image_format))
                    )
                    if saved != rendition_name:  # another worker made it meanwhile
                        storage.delete(saved)
            renditions.append(Rendition(width, height, webp, fallback))
    renditions = tuple(renditions)
    cache.set(_cache_key(name), renditions, timeout=None)
    return renditions


def original_of(name):
    """The image a rendition was made from, or None if ``name`` is not a rendition."""
    match = RENDITION_NAME.match(name)
    return match["original"] if match else None


class ReencodedImageFieldFile(ImageFieldFile):
    @cached_property
    def picture(self):
        """The stored image's sizes, made on first use if its save did not make them."""
        if not self.name:
            return None
        renditions = cache.get(_cache_key(self.name))
        if renditions is None:
            try:
                renditions = make_renditions(self.storage, self.name)
            except (OSError, UnidentifiedImageError, ValueError):
                logger.warning("Image %s is missing or unreadable; shown without it.", self.name)
                return None
        return Picture(renditions, self.storage)


class ReencodedImageFormField(forms.ImageField):
    def to_python(self, data):
        if data not in self.empty_values:
            check_image(data)  # before Django's own check opens it without our limits
        return super().to_python(data)


def check_new_image(value):
    """Model validation of an image set outside a form; stored images were checked before."""
    if value and not getattr(value, "_committed", True):
        check_image(value.file)


class ReencodedImageField(models.ImageField):
    """An ImageField whose uploads are checked, re-encoded, renamed and resized."""

    attr_class = ReencodedImageFieldFile
    default_validators = [check_new_image]

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": ReencodedImageFormField, **kwargs})

    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        is_new = bool(file) and not file._committed
        if is_new:
            content, extension = reencode(file.file)
            file.file = ContentFile(content)
            file.name = f"image.{extension}"  # upload_to keeps only the extension
        file = super().pre_save(model_instance, add)
        if is_new:
            make_renditions(file.storage, file.name)
        return file


# --- Files nothing refers to --------------------------------------------------------------


def image_fields():
    """Every (model, field) that stores re-encoded images, across all installed apps."""
    return [
        (model, field)
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, ReencodedImageField)
    ]


def _names_in_version(version, field_names):
    """The image names a saved version could restore, read without the current model."""
    if version.format == "json":
        # Plain JSON, so a version of a model that has since changed is still read.
        for obj in json.loads(version.serialized_data):
            for name in field_names:
                value = obj.get("fields", {}).get(name)
                if isinstance(value, str) and value:
                    yield value
        return
    for deserialized in serializers.deserialize(
        version.format, version.serialized_data, ignorenonexistent=True
    ):
        for name in field_names:
            value = getattr(deserialized.object, name, None)
            if value:
                yield str(value)


def referenced_images():
    """Names of every image a record uses now or any saved version could bring back."""
    from reversion.models import Version  # needs the app registry; imported when asked

    names = set()
    for model, field in image_fields():
        names.update(
            model._base_manager.exclude(**{field.attname: ""}).values_list(field.attname, flat=True)
        )
    field_names_by_model = {}
    for model, field in image_fields():
        field_names_by_model.setdefault(model, []).append(field.attname)
    for model, field_names in field_names_by_model.items():
        versions = Version.objects.get_for_model(model).only("format", "serialized_data")
        for version in versions.iterator():
            names.update(_names_in_version(version, field_names))
    return names


def stored_files(storage, folder):
    """Every file under ``folder`` in ``storage``, as storage names."""
    try:
        directories, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for file in files:
        yield f"{folder}/{file}"
    for directory in directories:
        yield from stored_files(storage, f"{folder}/{directory}")


def unreferenced_files(*, min_age):
    """Stored images (and their sizes) that nothing refers to, older than ``min_age``.

    A file newer than ``min_age`` is left alone: it may belong to a save still in progress.
    """
    referenced = referenced_images()
    cutoff = timezone.now() - min_age
    seen = set()
    for _model, field in image_fields():
        storage = field.storage
        folder = getattr(field.upload_to, "folder", None) or str(field.upload_to).strip("/")
        if (id(storage), folder) in seen:
            continue
        seen.add((id(storage), folder))
        for name in stored_files(storage, folder):
            if name in referenced or original_of(name) in referenced:
                continue
            if storage.get_modified_time(name) > cutoff:
                continue
            yield storage, name
