"""The `iso` filter, a built-in of every template (settings TEMPLATES builtins)."""

import datetime

from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def iso(value):
    """ISO 8601 in KST to the second with a colon in the offset (2026-11-30T13:56:00+09:00), as
    `<time datetime>`, sitemaps (W3C Datetime) and Open Graph want it; no microseconds."""
    if not isinstance(value, datetime.datetime):
        return ""
    return timezone.localtime(value).replace(microsecond=0).isoformat()
