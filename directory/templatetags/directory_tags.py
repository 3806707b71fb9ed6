from django import template
from django.core.cache import cache
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from ..models import HOME_BLOCK_CACHE_KEY, Listing

register = template.Library()

HOME_BLOCK_SIZE = 4


@register.inclusion_tag("directory/home_block.html")
def directory_block():
    """The home page's 우리동네업소소개 block: newest listings, cached until an editor changes one."""
    listings = cache.get(HOME_BLOCK_CACHE_KEY)
    if listings is None:
        listings = list(Listing.objects.published().for_list().order_by("-created_at", "-id")[:HOME_BLOCK_SIZE])
        cache.set(HOME_BLOCK_CACHE_KEY, listings, 600)
    return {"listings": listings}


@register.simple_tag
def listing_photo(photo, kind="thumb", lazy=True):
    """An <img> of a listing photo rendition with width, height, srcset and alt text."""
    if photo is None:
        return ""
    names = ("thumb", "thumb2x") if kind == "thumb" else ("medium", "large")
    sizes = "(max-width: 600px) 40vw, 240px" if kind == "thumb" else "(max-width: 760px) 100vw, 720px"
    renditions = [photo.rendition(name) for name in names]
    if not renditions[0]:
        return ""
    url, width, height = renditions[0]
    srcset = ", ".join(f"{r[0]} {r[1]}w" for r in renditions if r)
    return format_html(
        '<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}"{}>',
        url,
        srcset,
        sizes,
        width,
        height,
        photo.alt,
        mark_safe(' loading="lazy" decoding="async"' if lazy else ""),  # noqa: S308 constant
    )
