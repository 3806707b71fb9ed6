from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from articles.models import GROUP_LATEST, PHOTO_NEWS, SIDEBAR_LATEST

register = template.Library()


@register.inclusion_tag("articles/includes/photo_news.html")
def photo_news(limit=4, heading_id="photo-news-title"):
    """포토뉴스: the newest articles with a photo, from the cache (no query on a warm cache)."""
    return {"photos": PHOTO_NEWS.get()[:limit], "heading_id": heading_id}


@register.inclusion_tag("articles/includes/group_latest.html")
def group_latest(group, exclude=None):
    """The group's newest titles (cached for all groups at once), without the article being read."""
    if not group:
        return {"group": None, "articles": []}
    skip = getattr(exclude, "pk", None)
    articles = [article for article in GROUP_LATEST.get().get(group.pk, []) if article.pk != skip]
    return {"group": group, "articles": articles[:SIDEBAR_LATEST]}


# rendition pairs for srcset: (1x, 2x) for crops, widths for proportional images
PICTURES = {
    "thumb": (("thumb", "thumb2x"), "(max-width: 600px) 40vw, 240px"),
    "article": (("medium", "large"), "(max-width: 760px) 100vw, 720px"),
}


@register.simple_tag
def picture(item, kind="thumb", lazy=True, css_class="", alt=None):
    """An <img> of a photo's renditions (made by lib.images at upload) with width, height,
    srcset and alt text; `item` is anything with rendition(name): an article, a listing photo."""
    if item is None:
        return ""
    names, sizes = PICTURES[kind]
    renditions = [item.rendition(name) for name in names]
    if not renditions[0]:
        return ""
    url, width, height = renditions[0]
    srcset = ", ".join(f"{r[0]} {r[1]}w" for r in renditions if r)
    return format_html(
        '<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}" class="{}"{}>',
        url,
        srcset,
        sizes,
        width,
        height,
        item.photo_alt if alt is None else alt,
        css_class,
        mark_safe(' loading="lazy" decoding="async"' if lazy else ' fetchpriority="high"'),  # noqa: S308 constant
    )
