from django import template
from django.conf import settings
from django.core.cache import cache
from django.utils.safestring import mark_safe

from lib import pagecache

register = template.Library()


@register.simple_tag(takes_context=True)
def cached_include(context, template_name, *vary, skip=False):
    """`{% include %}` whose HTML is kept under the content generation (any change makes a new one) for
    FRAGMENT_CACHE_SECONDS, one copy per value of `vary` (what the piece depends on besides content):

        {% cached_include "includes/nav.html" is_home current_group.pk current_section.pk %}

    `skip=True` renders it afresh (a member's header, with their name and a CSRF token)."""
    request = context.get("request")
    template_object = context.template.engine.get_template(template_name)
    if skip or request is None:
        with context.push():
            return template_object.render(context)
    generation = pagecache.request_state(request).generation
    key = f"fragment:{generation}:{template_name}:{':'.join(str(value) for value in vary)}"
    html = cache.get(key)
    if html is None:
        with context.push():
            html = str(template_object.render(context))
        cache.set(key, html, settings.FRAGMENT_CACHE_SECONDS)
    return mark_safe(html)  # noqa: S308 our own template's output
