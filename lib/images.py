"""Checked image uploads and the renditions made from them once, at upload.

Every image the site accepts (lead photos, editor uploads, directory photos, e-paper covers, banners)
goes through `validate_image`: the content decides, not the file name. Every public image is then
decoded and re-encoded (`rewrite_image`: no metadata, nothing appended survives) and stored under a
random name (`RewrittenImageField`), so no uploaded name reaches a URL and the media of a draft cannot
be guessed. Renditions are written as JPEG and, for browsers that take them, WebP and AVIF
(`MODERN_FORMATS`), once, at upload; `manage.py rebuild_images` redoes them for existing rows.
"""

import io
import secrets
import warnings
from functools import lru_cache
from pathlib import PurePath
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, Storage
from django.core.files.uploadedfile import UploadedFile
from django.db import models
from django.db.models.fields.files import FieldFile, ImageFieldFile
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from PIL import Image, ImageOps, features

from lib.filetypes import check_size

ALLOWED_FORMATS = {"JPEG", "PNG", "GIF", "WEBP"}

# name: (width, height or None to keep the aspect ratio, crop to the box?)
RENDITIONS = {
    "small": (240, 160, True),
    "thumb": (360, 240, True),
    "thumb2x": (720, 480, True),
    "w540": (540, None, False),
    "medium": (720, None, False),
    "large": (1440, None, False),
    "share": (1200, 630, True),
}
# Bumped when RENDITIONS or the formats change: `manage.py rebuild_images` redoes rows of older versions.
RENDITIONS_VERSION = 2
# Renditions that only link previews and feeds use: JPEG alone, what every crawler reads.
JPEG_ONLY = {"share"}

# Formats a <picture> offers before its JPEG <img>, best first; AVIF only where this Pillow writes it.
MODERN_FORMATS: tuple[str, ...] = ("avif", "webp") if features.check("avif") else ("webp",)
MIME_TYPES = {"avif": "image/avif", "webp": "image/webp", "jpg": "image/jpeg"}
ENCODERS: dict[str, tuple[str, dict[str, Any]]] = {
    "jpg": ("JPEG", {"quality": 82, "optimize": True, "progressive": True}),
    "webp": ("WEBP", {"quality": 78, "method": 4}),
    "avif": ("AVIF", {"quality": 55, "speed": 8}),
}
# The re-encoded upload itself: the source of every rendition, so kept at a high quality.
MASTER = ("JPEG", {"quality": 90, "optimize": True})


def validate_image(file: IO[bytes]) -> str:
    """Refuse anything that is not a modest JPEG/PNG/GIF/WebP image, by its content."""
    check_size(file, settings.IMAGE_MAX_BYTES, "이미지")
    position = file.tell() if hasattr(file, "tell") else None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(file) as image:
                image_format = image.format
                width, height = image.size
                if width * height > settings.IMAGE_MAX_PIXELS:
                    raise ValidationError("이미지가 너무 큽니다(최대 4천만 화소).", code="too_many_pixels")
                image.verify()
    except ValidationError:
        raise
    except (Image.DecompressionBombWarning, Image.DecompressionBombError) as exc:
        raise ValidationError("이미지가 너무 큽니다(최대 4천만 화소).", code="too_many_pixels") from exc
    except Exception as exc:  # Pillow raises many kinds for broken or non-image data
        raise ValidationError("이미지 파일(JPEG, PNG, GIF, WebP)만 올릴 수 있습니다.", code="not_image") from exc
    finally:
        if position is not None:
            file.seek(position)
    if image_format not in ALLOWED_FORMATS:
        raise ValidationError("이미지 파일(JPEG, PNG, GIF, WebP)만 올릴 수 있습니다.", code="not_image")
    return image_format


def _open_rgb(file: IO[bytes]) -> Image.Image:
    file.seek(0)
    image: Image.Image = ImageOps.exif_transpose(Image.open(file))
    if image.mode not in ("RGB", "L"):
        background = Image.new("RGB", image.size, "white")
        background.paste(image.convert("RGBA"), mask=image.convert("RGBA").getchannel("A"))
        image = background
    rgb = image.convert("RGB")
    rgb.info = {}  # no comment, EXIF, XMP or ICC profile is written out again: pixels only
    return rgb


def _render(image: Image.Image, width: int, height: int | None, crop: bool) -> Image.Image:
    if crop and height is not None:
        return ImageOps.fit(image, (width, height), Image.Resampling.LANCZOS)
    if image.width <= width:
        return image.copy()
    ratio = width / image.width
    return image.resize((width, round(image.height * ratio)), Image.Resampling.LANCZOS)


def encode(image: Image.Image, fmt: str = "jpg") -> "ContentFile[bytes]":
    """The image written as `fmt` ("jpg", "webp", "avif"), with no metadata."""
    pil_format, options = ENCODERS[fmt]
    buffer = io.BytesIO()
    image.save(buffer, pil_format, **options)
    return ContentFile(buffer.getvalue())


def random_stem() -> str:
    """A file name nobody can guess (128 bits), the same alphabet as URL-safe base64."""
    return secrets.token_urlsafe(16)


def rewrite_image(file: IO[bytes]) -> "ContentFile[bytes]":
    """Check an uploaded image by its content, decode it and write it again as a plain JPEG.

    Only pixels survive: EXIF (GPS, camera serials), comments, colour-profile tricks and anything
    appended after the image data (a GIF/HTML polyglot, a script after a JPEG's end marker) are gone.
    Transparency is flattened onto white and an animation keeps its first frame.
    """
    validate_image(file)
    image = _open_rgb(file)
    pil_format, options = MASTER
    buffer = io.BytesIO()
    image.save(buffer, pil_format, **options)
    return ContentFile(buffer.getvalue(), name=f"{random_stem()}.jpg")


def save_formats(
    storage: Storage, image: Image.Image, base: str, formats: tuple[str, ...] = ("jpg", *MODERN_FORMATS)
) -> dict[str, list[Any]]:
    """Write `image` as `base.<fmt>` for each format; return {fmt: [path, width, height]}."""
    return {fmt: [storage.save(f"{base}.{fmt}", encode(image, fmt)), image.width, image.height] for fmt in formats}


def rendition_key(name: str, fmt: str = "jpg") -> str:
    """Where a rendition is kept in the JSON store: "thumb" for the JPEG, "thumb.webp" for WebP."""
    return name if fmt == "jpg" else f"{name}.{fmt}"


Spec = dict[str, tuple[int, int | None, bool]]


def make_renditions(
    field_file: FieldFile, storage: Storage | None = None, spec: Spec | None = None
) -> dict[str, list[Any]]:
    """Write every rendition (RENDITIONS, or `spec`) of an image in every format.

    Returns {key: [path, width, height]} with keys from rendition_key().
    """
    storage = storage or field_file.storage
    with field_file.open("rb") as source:
        image = _open_rgb(source)
    source_name = PurePath(field_file.name or "image")
    stem, folder = source_name.stem, source_name.parent / "renditions"
    result: dict[str, list[Any]] = {}
    for name, (width, height, crop) in (spec or RENDITIONS).items():
        rendered = _render(image, width, height, crop)
        formats = ("jpg",) if name in JPEG_ONLY else ("jpg", *MODERN_FORMATS)
        for fmt, entry in save_formats(storage, rendered, str(folder / f"{stem}-{name}"), formats).items():
            result[rendition_key(name, fmt)] = entry
    return result


class RewrittenImageFieldFile(ImageFieldFile):
    """Whatever is saved into the field is re-encoded first and named at random (see rewrite_image)."""

    def save(self, name: str, content: Any, save: bool = True) -> None:
        rewritten = rewrite_image(content)
        super().save(rewritten.name or f"{random_stem()}.jpg", rewritten, save)


class RewrittenImageField(models.ImageField):
    """An ImageField for public images: checked, re-encoded and stored under a random name."""

    attr_class = RewrittenImageFieldFile


EDITOR_WIDTHS = (720, 1440)


def save_editor_upload(upload: UploadedFile, storage: Storage) -> dict[str, str]:
    """Re-encode an editor upload (dropping metadata and anything hidden in it) at the article widths.

    Returns {"default": url, "<width>": url, …}, the answer CKEditor's upload adapter turns into the
    image's src and srcset.
    """
    validate_image(upload)
    image = _open_rgb(upload)
    stem = random_stem()  # never the uploaded name: the image may sit in a draft until it is published
    urls = {}
    for width in EDITOR_WIDTHS:
        rendered = _render(image, width, None, False)
        urls[str(rendered.width)] = storage.url(storage.save(f"editor/{stem}-{width}.jpg", encode(rendered)))
        if rendered.width < width:  # a small original: no larger copy to make
            break
    urls["default"] = urls[max(urls, key=int)]
    return urls


class RenditionsMixin:
    """Model mixin: make the renditions of an image field in save(), and look one up by name.

    Set `rendition_source` to the image field's name and `rendition_store` to the JSONField
    that keeps {"source": name, rendition: [path, width, height], …}.
    """

    rendition_source: str = "image"
    rendition_store: str = "renditions"

    def rendition_key_source(self) -> str:
        """What the renditions were made from; they are made again when it changes."""
        return str(getattr(self, self.rendition_source).name)

    def make_renditions(self) -> dict[str, list[Any]]:
        """Every rendition of the image; a model with its own sizes or sources overrides this."""
        return make_renditions(getattr(self, self.rendition_source))

    def save(self, *args: Any, **kwargs: Any) -> None:
        image = getattr(self, self.rendition_source)
        stored = getattr(self, self.rendition_store)
        if image and stored.get("source") != self.rendition_key_source():
            # Save first so an uploaded file has its final name before renditions are made.
            super().save(*args, **kwargs)  # type: ignore[misc]
            store = {"source": self.rendition_key_source(), "version": RENDITIONS_VERSION, **self.make_renditions()}
            setattr(self, self.rendition_store, store)
            kwargs = {"using": kwargs.get("using"), "update_fields": [self.rendition_store]}
        elif not image and stored:
            setattr(self, self.rendition_store, {})
        super().save(*args, **kwargs)  # type: ignore[misc]

    def rebuild_renditions(self) -> None:
        """Re-encode the image under a new random name, write its renditions again, delete the old files.

        For rows saved before uploads were rewritten (`manage.py rebuild_images`).
        """
        image = getattr(self, self.rendition_source)
        if not image:
            return
        storage = image.storage
        old_paths = [image.name] + [
            entry[0] for key, entry in getattr(self, self.rendition_store).items() if key not in ("source", "version")
        ]
        with image.open("rb") as source:
            content = ContentFile(source.read())
        image.save("image.jpg", content, save=False)
        setattr(self, self.rendition_store, {})
        self.save(update_fields=[self.rendition_source, self.rendition_store])
        for path in old_paths:
            storage.delete(path)

    def renditions_are_current(self) -> bool:
        """Whether the renditions were made by this version of RENDITIONS (or there is no image)."""
        stored = getattr(self, self.rendition_store)
        return not getattr(self, self.rendition_source) or stored.get("version") == RENDITIONS_VERSION

    def rendition(self, name: str, fmt: str = "jpg") -> tuple[str, int, int] | None:
        """(url, width, height) of a rendition in a format ("jpg", "webp", "avif"), or None without one."""
        entry = getattr(self, self.rendition_store).get(rendition_key(name, fmt))
        if not entry:
            return None
        path, width, height = entry
        return _storage_url(getattr(self, self.rendition_source).storage, path), width, height


def _storage_url(storage: Storage, path: str) -> str:
    """storage.url(path), remembered per process for files on disk (a list page prints ~100 rendition
    addresses, each an urljoin); keyed by the storage's base URL, so a changed MEDIA_URL is honoured."""
    if isinstance(storage, FileSystemStorage):
        return _file_url(storage, storage.base_url, path)
    url: str = storage.url(path)
    return url


@lru_cache(maxsize=50000)
def _file_url(storage: FileSystemStorage, base_url: str, path: str) -> str:
    url: str = storage.url(path)
    return url


def _srcset(item: Any, names: tuple[str, ...], fmt: str) -> str:
    renditions = [item.rendition(name, fmt) for name in names]
    return ", ".join(f"{r[0]} {r[1]}w" for r in renditions if r)


def picture_html(
    item: Any,
    names: tuple[str, ...],
    sizes: str,
    alt: str,
    *,
    loading: str = "lazy",
    css_class: str = "",
    narrow: tuple[tuple[str, ...], str, str] | None = None,
) -> SafeString:
    """A <picture> of an item's renditions: AVIF/WebP <source>s, then a JPEG <img> with width, height,
    srcset, `sizes` (how wide the image is shown at each screen width) and alt text.

    `item` is anything with rendition(name, fmt); `names` are renditions of one shape, smallest first.
    `loading`: "lazy" below the fold, "eager", or "high" for the page's main image (fetchpriority).
    `narrow` = (names, sizes, media query) adds art direction: other renditions (another crop) below
    that media query, with their own width and height.
    """
    names = tuple(name for name in names if item.rendition(name))  # rows made before a rendition existed
    if not names:
        return mark_safe("")  # noqa: S308 constant
    first = item.rendition(names[0])
    sources = []
    if narrow:
        narrow_names, narrow_sizes, media = narrow
        for fmt in (*MODERN_FORMATS, "jpg"):
            rendition = item.rendition(narrow_names[0], fmt)
            if rendition:
                sources.append(
                    (media, MIME_TYPES[fmt], _srcset(item, narrow_names, fmt), narrow_sizes, rendition[1], rendition[2])
                )
    typed = [(MIME_TYPES[fmt], _srcset(item, names, fmt)) for fmt in MODERN_FORMATS if item.rendition(names[0], fmt)]
    url, width, height = first
    return format_html(
        '<picture>{}{}<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}" class="{}"{}></picture>',
        format_html_join("", '<source media="{}" type="{}" srcset="{}" sizes="{}" width="{}" height="{}">', sources),
        format_html_join("", '<source type="{}" srcset="{}" sizes="{}">', ((t, ss, sizes) for t, ss in typed)),
        url,
        _srcset(item, names, "jpg"),
        sizes,
        width,
        height,
        alt,
        css_class,
        LOADING[loading],
    )


LOADING = {
    "lazy": mark_safe(' loading="lazy" decoding="async"'),  # noqa: S308 constant
    "eager": mark_safe(""),  # noqa: S308 constant
    "high": mark_safe(' fetchpriority="high"'),  # noqa: S308 constant
}
