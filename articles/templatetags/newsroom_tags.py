from django import template
from django.core.cache import cache
from django.utils import timezone

from articles.models import BREAKING_CACHE_KEY, BreakingNews

register = template.Library()

BREAKING_CACHE_SECONDS = 300


def _breaking_items():
    """Active, unexpired items (including ones not started yet), cached; saving an item clears the cache."""
    items = cache.get(BREAKING_CACHE_KEY)
    if items is None:
        items = list(
            BreakingNews.objects.filter(is_active=True, expires_at__gt=timezone.now())
            .select_related("article")
            .only("text", "starts_at", "expires_at", "article__id", "article__status", "article__published_at")
        )
        cache.set(BREAKING_CACHE_KEY, items, BREAKING_CACHE_SECONDS)
    return items


@register.inclusion_tag("articles/includes/breaking_bar.html")
def breaking_bar():
    """The 속보 bar. Start, expiry and the linked article's embargo are checked against the clock on
    every request, so a cached item appears and disappears exactly on time."""
    now = timezone.now()
    items = [
        {"item": item, "link": item.article.get_absolute_url() if item.article and item.article.is_public else ""}
        for item in _breaking_items()
        if item.starts_at <= now < item.expires_at
    ]
    return {"breaking": items}
