from django import template
from django.utils.safestring import mark_safe

from lib import pagecache

from ..slots import slot_html

register = template.Library()


@register.simple_tag(takes_context=True)
def banner_slot(context, slot):
    """A labelled banner for the slot ("top", "sidebar", "article"), or nothing when none is running."""
    request = context.get("request")
    generation = pagecache.request_state(request).generation if request is not None else pagecache.current().generation
    return mark_safe(slot_html(slot, generation))  # noqa: S308 our own template's output
