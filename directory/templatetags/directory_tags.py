from django import template
from django.core.cache import cache

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
