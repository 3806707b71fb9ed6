from django import template
from django.utils import timezone

from articles.models import BREAKING

register = template.Library()


@register.inclusion_tag("articles/includes/breaking_bar.html")
def breaking_bar():
    """The 속보 bar. Start, expiry and the linked article's embargo are checked against the clock on
    every request, so a cached item appears and disappears exactly on time."""
    now = timezone.now()
    items = [
        {"item": item, "link": item.article.get_absolute_url() if item.article and item.article.is_public else ""}
        for item in BREAKING.get()
        if item.starts_at <= now < item.expires_at
    ]
    return {"breaking": items}
