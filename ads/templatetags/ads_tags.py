from django import template

from ..models import SLOT_SIZES, Slot
from ..slots import pick

register = template.Library()


@register.inclusion_tag("ads/slot.html")
def banner_slot(slot):
    """A labelled banner for the slot ("top", "sidebar", "article"), or nothing when none is running."""
    slot = Slot(slot)
    width, height = SLOT_SIZES[slot]
    return {"banner": pick(slot), "slot": slot.value, "width": width, "height": height}
