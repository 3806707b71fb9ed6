"""Absolute URLs on settings.SITE_URL, for what is read outside the page (feeds, JSON-LD, link previews)."""

from django.conf import settings


def absolute_url(path: str) -> str:
    """`path` on the site's public address; a URL that is already absolute is returned as it is."""
    if path.startswith(("http://", "https://")):
        return path
    return f"{settings.SITE_URL}{path}"
