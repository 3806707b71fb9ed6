from django import template

from articles.models import SIDEBAR_LATEST, SIDEBAR_LISTS
from lib.images import picture_html

register = template.Library()


@register.inclusion_tag("articles/includes/photo_news.html")
def photo_news(limit=4, heading_id="photo-news-title"):
    """포토뉴스: the newest articles with a photo, from the cache (no query on a warm cache)."""
    return {"photos": SIDEBAR_LISTS.get()["photos"][:limit], "heading_id": heading_id}


@register.inclusion_tag("articles/includes/group_latest.html")
def group_latest(group, exclude=None):
    """The group's newest titles (cached for all groups at once), without the article being read."""
    if not group:
        return {"group": None, "articles": []}
    skip = getattr(exclude, "pk", None)
    articles = [article for article in SIDEBAR_LISTS.get()["latest"].get(group.pk, []) if article.pk != skip]
    return {"group": group, "articles": articles[:SIDEBAR_LATEST]}


# kind: (renditions of one shape, smallest first; `sizes`: how wide the image is shown at each width)
PHOTO = ("w540", "medium", "large")
THUMB = ("small", "thumb", "thumb2x")
PICTURES = {
    "lead": (PHOTO, "(max-width: 600px) calc(100vw - 32px), (max-width: 960px) calc(60vw - 30px), 452px"),
    "article": (PHOTO, "(max-width: 960px) calc(100vw - 32px), 776px"),
    "thumb": (THUMB, "(max-width: 600px) 110px, 180px"),
    "card": (THUMB, "(max-width: 960px) calc(50vw - 25px), 263px"),
    "gallery": (THUMB, "(max-width: 960px) calc(33vw - 16px), 253px"),
    "sidebar": (THUMB, "(max-width: 960px) calc(50vw - 25px), 300px"),
    "related": (THUMB, "96px"),
    "cover": (
        ("w270", "w540", "medium"),
        "(max-width: 600px) calc(50vw - 25px), (max-width: 960px) calc(33vw - 16px), 263px",
    ),
}


@register.simple_tag
def picture(item, kind="thumb", lazy=True, css_class="", alt=None):
    """A <picture> of a photo's renditions (made by lib.images at upload): AVIF/WebP sources, a JPEG
    <img> with width, height, srcset, the `sizes` of the place (`kind`) and alt text; `item` is anything
    with rendition(name, fmt): an article, a listing photo."""
    if item is None:
        return ""
    names, sizes = PICTURES[kind]
    alt = item.photo_alt if alt is None else alt
    return picture_html(item, names, sizes, alt, loading="lazy" if lazy else "high", css_class=css_class)
