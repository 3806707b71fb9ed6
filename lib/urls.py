"""Absolute URLs on settings.SITE_URL, for what is read outside the page (feeds, JSON-LD, link previews),
and `cached_reverse` for the addresses every page prints many times (get_absolute_url)."""

from functools import lru_cache
from typing import Any

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse


def absolute_url(path: str) -> str:
    """`path` on the site's public address; a URL that is already absolute is returned as it is."""
    if path.startswith(("http://", "https://")):
        return path
    return f"{settings.SITE_URL}{path}"


def cached_reverse(name: str, *args: Any, current_app: str | None = None) -> str:
    """`reverse(name, args=args, current_app=current_app)`, remembered per process: a page prints dozens
    of article, section and group addresses, and each reverse() walks the URL resolver. Keyed also by
    the script prefix and the request's URLconf, so the answer is always the one reverse() would give."""
    return _reverse(name, args, current_app, get_script_prefix(), get_urlconf())


@lru_cache(maxsize=20000)
def _reverse(name: str, args: tuple[Any, ...], current_app: str | None, prefix: str, urlconf: str | None) -> str:
    return reverse(name, args=args, urlconf=urlconf, current_app=current_app)
