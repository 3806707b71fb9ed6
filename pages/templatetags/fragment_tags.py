import hashlib

from django import template
from django.conf import settings
from django.utils.safestring import mark_safe

from lib import pagecache

register = template.Library()


@register.simple_tag(takes_context=True)
def cached_include(context, template_name, *vary, skip=False, timeout=None, **values):
    """`{% include %}` whose HTML is kept under the content generation (any change makes a new one) for
    `timeout` (FRAGMENT_CACHE_SECONDS) seconds, recomputed by one request at a time
    (lib.pagecache.kept), one copy per value of `vary` (what the piece depends on besides content) and
    of the keyword `values` (added to the context, as `{% include ... with %}`):

        {% cached_include "includes/nav.html" is_home current_group.pk current_section.pk %}
        {% cached_include "includes/most_read.html" limit=5 heading_id="sidebar-mostread-title" %}

    `skip=True` renders it afresh (a member's header, with their name and a CSRF token)."""
    request = context.get("request")
    template_object = context.template.engine.get_template(template_name)

    def render():
        with context.push(**values):
            return str(template_object.render(context))

    if skip or request is None:
        return mark_safe(render())  # noqa: S308 our own template's output
    generation = pagecache.request_state(request).generation
    parts = [str(value) for value in vary] + [f"{name}={value}" for name, value in sorted(values.items())]
    # hashed: a varying value may be what a reader typed (the header's search box)
    digest = hashlib.blake2b("\x1f".join(parts).encode(), digest_size=16).hexdigest()
    key = f"fragment:{template_name}:{digest}"
    html = pagecache.kept(key, generation, render, timeout or settings.FRAGMENT_CACHE_SECONDS)
    return mark_safe(html)  # noqa: S308 our own template's output
