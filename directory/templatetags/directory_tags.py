from django import template

from ..models import HOME_BLOCK

register = template.Library()


@register.inclusion_tag("directory/home_block.html")
def directory_block():
    """The home page's 우리동네업소소개 block: newest listings, cached until an editor changes one."""
    return {"listings": HOME_BLOCK.get()}
