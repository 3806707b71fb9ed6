from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

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
