"""Checked image uploads and the renditions made from them once, at upload.

Every image the site accepts (lead photos, editor uploads, directory photos)
goes through `validate_image`: the content decides, not the file name.
"""

import io
import warnings
from pathlib import PurePath
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import Storage
from django.core.files.uploadedfile import UploadedFile
from django.db.models.fields.files import FieldFile
from PIL import Image, ImageOps

from lib.filetypes import check_size

ALLOWED_FORMATS = {"JPEG", "PNG", "GIF", "WEBP"}

# name: (width, height or None to keep the aspect ratio, crop to the box?)
RENDITIONS = {
    "thumb": (360, 240, True),
    "thumb2x": (720, 480, True),
    "medium": (720, None, False),
    "large": (1440, None, False),
    "share": (1200, 630, True),
}


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
    return image.convert("RGB")


def _render(image: Image.Image, width: int, height: int | None, crop: bool) -> Image.Image:
    if crop and height is not None:
        return ImageOps.fit(image, (width, height), Image.Resampling.LANCZOS)
    if image.width <= width:
        return image.copy()
    ratio = width / image.width
    return image.resize((width, round(image.height * ratio)), Image.Resampling.LANCZOS)


def _encode(image: Image.Image) -> "ContentFile[bytes]":
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=82, optimize=True, progressive=True)
    return ContentFile(buffer.getvalue())


def make_renditions(field_file: FieldFile, storage: Storage | None = None) -> dict[str, list[Any]]:
    """Write every rendition of an uploaded image; return {name: [path, width, height]}."""
    storage = storage or field_file.storage
    with field_file.open("rb") as source:
        image = _open_rgb(source)
    source_name = PurePath(field_file.name or "image")
    stem, folder = source_name.stem, source_name.parent / "renditions"
    result: dict[str, list[Any]] = {}
    for name, (width, height, crop) in RENDITIONS.items():
        rendered = _render(image, width, height, crop)
        path = storage.save(str(folder / f"{stem}-{name}.jpg"), _encode(rendered))
        result[name] = [path, rendered.width, rendered.height]
    return result


EDITOR_WIDTHS = (720, 1440)


def save_editor_upload(upload: UploadedFile, storage: Storage) -> dict[str, str]:
    """Re-encode an editor upload (dropping metadata and anything hidden in it) at the article widths.

    Returns {"default": url, "<width>": url, …}, the answer CKEditor's upload adapter turns into the
    image's src and srcset.
    """
    validate_image(upload)
    image = _open_rgb(upload)
    stem = PurePath(upload.name or "").stem[:40] or "image"
    urls = {}
    for width in EDITOR_WIDTHS:
        rendered = _render(image, width, None, False)
        urls[str(rendered.width)] = storage.url(storage.save(f"editor/{stem}-{width}.jpg", _encode(rendered)))
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

    def save(self, *args: Any, **kwargs: Any) -> None:
        image = getattr(self, self.rendition_source)
        stored = getattr(self, self.rendition_store)
        if image and stored.get("source") != image.name:
            # Save first so an uploaded file has its final name before renditions are made.
            super().save(*args, **kwargs)  # type: ignore[misc]
            setattr(self, self.rendition_store, {"source": image.name, **make_renditions(image)})
            kwargs = {"using": kwargs.get("using"), "update_fields": [self.rendition_store]}
        elif not image and stored:
            setattr(self, self.rendition_store, {})
        super().save(*args, **kwargs)  # type: ignore[misc]

    def rendition(self, name: str) -> tuple[str, int, int] | None:
        """(url, width, height) of a rendition, or None without an image."""
        entry = getattr(self, self.rendition_store).get(name)
        if not entry:
            return None
        path, width, height = entry
        url: str = getattr(self, self.rendition_source).storage.url(path)
        return url, width, height
