"""What a page says about itself to portals and messengers (canonical URL, Open Graph, Twitter card)."""

import datetime
from dataclasses import dataclass

from django.http import HttpRequest
from django.templatetags.static import static
from django.utils.text import Truncator

from lib.urls import absolute_url

# The paper's card, for pages with no picture of their own: (static path, width, height).
DEFAULT_IMAGE = ("images/share-default.png", 1200, 630)


@dataclass(frozen=True)
class PageMeta:
    """A page's metadata, declared by its view as `page_meta` and rendered by the base template."""

    title: str
    description: str
    url: str
    image: str
    image_width: int
    image_height: int
    image_alt: str
    type: str = "website"
    published: datetime.datetime | None = None
    modified: datetime.datetime | None = None
    section: str = ""


def describe(text: str) -> str:
    """`text` on one line, cut to the 160 characters a preview shows."""
    return Truncator(" ".join(text.split())).chars(160)


def page_url(request: HttpRequest | None, page_number: int | None = None) -> str:
    """The absolute canonical URL of the requested page: its path, plus ?page=N past the first page."""
    url = request.path if request is not None else "/"
    if page_number is not None and page_number > 1:
        url += f"?page={page_number}"
    return absolute_url(url)


def default_image() -> tuple[str, int, int]:
    """(absolute URL, width, height) of the paper's default card."""
    path, width, height = DEFAULT_IMAGE
    return absolute_url(static(path)), width, height


def website(url: str, title: str, description: str, image_alt: str) -> PageMeta:
    """A page without a picture of its own, previewed with the paper's default card."""
    image, width, height = default_image()
    return PageMeta(
        title=title,
        description=description,
        url=url,
        image=image,
        image_width=width,
        image_height=height,
        image_alt=image_alt,
    )
