"""지면보기 page images: each page of an edition's PDF rendered once (pypdfium2) to WebP.

Three sizes per page: the page as read on screen, a full-size one for zooming, and a thumbnail for
the page list. They are stored under the edition's folder with a random part in every name, so an
edition that is not out yet cannot be read by guessing addresses, and are listed in
`Edition.page_images` ({"source": the PDF's stored name, "pages": [{size: [path, w, h]}, …]}).
"""

import io
import logging
from typing import Any

import pypdfium2 as pdfium
from django.core.files.base import ContentFile
from PIL import Image

from lib.images import random_stem

logger = logging.getLogger(__name__)

FULL_WIDTH = 1600  # zoom: a broadsheet's body type stays legible
THUMB_WIDTH = 160
# method 2 costs half of the default's CPU for a few % more bytes; a 24-page edition renders in seconds
WEBP = {"full": {"quality": 65, "method": 2}, "view": {"quality": 75, "method": 2}, "thumb": {"quality": 70}}
MAX_PAGES = 200


def _webp(image: Image.Image, size: str) -> ContentFile:
    buffer = io.BytesIO()
    image.save(buffer, "WEBP", **WEBP[size])
    return ContentFile(buffer.getvalue())


def render_pages(edition: Any) -> dict[str, Any]:
    """Render every page (at most MAX_PAGES) of the edition's PDF; return the new `page_images` value."""
    storage = edition.pdf.storage
    try:
        with edition.pdf.open("rb") as source:
            document = pdfium.PdfDocument(source.read())
    except (OSError, pdfium.PdfiumError):
        # a missing file, or one that starts like a PDF but is none: the page shows the cover and download
        logger.warning("epaper: %s is not a PDF pdfium can read", edition.pdf.name)
        return {"source": edition.pdf.name, "pages": []}
    folder = f"epaper/{edition.date:%Y}/pages/{random_stem()}"
    pages = []
    try:
        for number in range(1, min(len(document), MAX_PAGES) + 1):
            page = document[number - 1]
            width_pt = page.get_width()
            full = page.render(scale=FULL_WIDTH / width_pt).to_pil().convert("RGB")
            page.close()
            view = full.reduce(2)  # 800 px: the page as read on screen
            thumb = view.resize((THUMB_WIDTH, round(view.height * THUMB_WIDTH / view.width)), Image.Resampling.BOX)
            entry = {}
            for size, image in (("full", full), ("view", view), ("thumb", thumb)):
                path = storage.save(f"{folder}/{number}-{size}.webp", _webp(image, size))
                entry[size] = [path, image.width, image.height]
            pages.append(entry)
    finally:
        document.close()
    return {"source": edition.pdf.name, "pages": pages}


def delete_pages(storage: Any, page_images: dict[str, Any]) -> None:
    for entry in page_images.get("pages", []):
        for path, _width, _height in entry.values():
            storage.delete(path)
