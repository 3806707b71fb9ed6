"""Anonymous pages: their Cache-Control, the app's page cache, and the content generation behind both.

Every change that shows on public pages (an article saved, a comment, a pin, 속보, a banner, site
settings) calls `bump()`, directly or through `bump_on(Model)` signals registered by each app: the
generation counter moves and every page and fragment cached under the old number is never read again
(versioned keys, no flush). Changes that happen with the clock alone (a scheduled article's time, a
속보 or banner window) are found by `register_schedule()` callables: the cached lifetime of a page never
runs past the next such moment, and the first request after it moves the generation.

Which requests are anonymous is decided by cookies, the same rule as deploy/nginx.conf: a request
with the session, CSRF or messages cookie (or an Authorization header) is personal and gets
`Cache-Control: private`; any other GET that answers 200 without setting a cookie is public,
`public, max-age=0, s-maxage=PAGE_CACHE_SECONDS`, without `Vary: Cookie` (the visitor and analytics
cookies do not change a page), and is kept in the cache (Redis when REDIS_URL is set).
"""

import datetime
import hashlib
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import models, transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils import timezone
from django.utils.cache import patch_cache_control

GENERATION_KEY = "pagecache:generation"
NEXT_CHANGE_KEY = "pagecache:next-change"
# How long "no scheduled change found" is believed before looking again.
NEXT_CHANGE_RECHECK = 300
PERSONAL_COOKIES = ("sessionid", "csrftoken", "messages")
# Headers a stored page is answered with again (the others are per request or set here).
_SKIP_HEADERS = {"set-cookie", "vary", "cache-control", "date", "content-length", "expires"}

_schedules: list[Callable[[datetime.datetime], datetime.datetime | None]] = []


def register_schedule(next_change: Callable[[datetime.datetime], datetime.datetime | None]) -> None:
    """Add a function giving the next moment after `now` at which public pages change by themselves."""
    if next_change not in _schedules:
        _schedules.append(next_change)


def bump(*args: Any, **kwargs: Any) -> None:
    """Move the content generation (also a signal receiver, hence the ignored arguments): now, and
    again when the surrounding transaction commits, so that a page rendered in between from the old
    rows is not kept under the new number."""
    _bump()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_bump)


def _bump() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, time.time_ns() // 1000, None)
    cache.delete(NEXT_CHANGE_KEY)


def bump_on(*senders: type[models.Model], on_create: bool = True) -> None:
    """Move the generation whenever a row of one of `senders` is saved or deleted. `on_create=False`
    for singletons created with their defaults by the first page that reads them (nothing changes)."""
    receiver = bump if on_create else _bump_unless_created
    for sender in senders:
        label = sender._meta.label_lower
        post_save.connect(receiver, sender=sender, weak=False, dispatch_uid=f"pagecache:{label}:save")
        post_delete.connect(bump, sender=sender, weak=False, dispatch_uid=f"pagecache:{label}:delete")


def _bump_unless_created(*args: Any, created: bool = False, **kwargs: Any) -> None:
    if not created:
        bump()


def _next_change(now: datetime.datetime) -> float:
    moments = [moment for schedule in _schedules if (moment := schedule(now)) is not None]
    return min(moments).timestamp() if moments else 0.0


class State:
    """The generation and the next scheduled change, read once per request (two keys, one round trip)."""

    __slots__ = ("generation", "next_change")

    def __init__(self, generation: int, next_change: float) -> None:
        self.generation = generation
        self.next_change = next_change

    def lifetime(self, limit: int) -> int:
        """`limit` seconds, or fewer when a scheduled change comes sooner."""
        if not self.next_change:
            return limit
        return max(0, min(limit, int(self.next_change - time.time())))


def current() -> State:
    values = cache.get_many([GENERATION_KEY, NEXT_CHANGE_KEY])
    generation = values.get(GENERATION_KEY)
    next_change = values.get(NEXT_CHANGE_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, time.time_ns() // 1000, None)
        generation = cache.get(GENERATION_KEY, 0)
    now = timezone.now()
    if next_change and next_change <= now.timestamp():
        # The scheduled moment has come: one request (the one that adds the marker) moves the generation.
        if cache.add(f"pagecache:passed:{next_change}", 1, 60):
            bump()
        generation = cache.get(GENERATION_KEY, generation)
        next_change = None
    if next_change is None:
        next_change = _next_change(now)
        recheck = NEXT_CHANGE_RECHECK
        if next_change:
            recheck = max(1, min(recheck, int(next_change - now.timestamp()) + 1))
        cache.set(NEXT_CHANGE_KEY, next_change, recheck)
    return State(int(generation), float(next_change))


def request_state(request: HttpRequest) -> State:
    """The state of this request (read on first use, then kept on the request)."""
    state: State | None = getattr(request, "_pagecache_state", None)
    if state is None:
        state = current()
        request._pagecache_state = state  # type: ignore[attr-defined]
    return state


def is_personal(request: HttpRequest) -> bool:
    return "HTTP_AUTHORIZATION" in request.META or any(name in request.COOKIES for name in PERSONAL_COOKIES)


def _page_key(request: HttpRequest, generation: int) -> str:
    address = hashlib.md5(request.build_absolute_uri().encode(), usedforsecurity=False).hexdigest()
    return f"page:{generation}:{address}"


def _public(response: HttpResponseBase, lifetime: int) -> None:
    response.headers["Cache-Control"] = f"public, max-age=0, s-maxage={lifetime}"
    if response.has_header("Vary"):
        kept = [v.strip() for v in response["Vary"].split(",") if v.strip().lower() != "cookie"]
        if kept:
            response["Vary"] = ", ".join(kept)
        else:
            del response["Vary"]


class PageCacheMiddleware:
    """Cache-Control for every answer and the app's page cache for anonymous GETs (see the module)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if request.method not in ("GET", "HEAD") or is_personal(request):
            response = self.get_response(request)
            if not response.has_header("Cache-Control"):
                patch_cache_control(response, private=True)
            return response
        state = request_state(request)
        lifetime = state.lifetime(settings.PAGE_CACHE_SECONDS)
        key = _page_key(request, state.generation)
        use_cache = settings.APP_PAGE_CACHE and lifetime > 0
        if use_cache:
            stored = cache.get(key)
            if stored is not None:
                content, headers, expires = stored
                hit = HttpResponse(content)
                for name, value in headers:
                    hit.headers[name] = value
                _public(hit, max(0, min(lifetime, int(expires - time.time()))))
                hit.headers["X-Page-Cache"] = "hit"
                return hit
        response = self.get_response(request)
        if response.has_header("Cache-Control"):
            return response  # the view chose (never_cache, a feed's own lifetime, ...)
        if not isinstance(response, HttpResponse) or response.status_code != 200 or response.cookies or lifetime <= 0:
            patch_cache_control(response, private=True)
            return response
        _public(response, lifetime)
        if "ETag" not in response:
            response["ETag"] = f'"{hashlib.md5(response.content, usedforsecurity=False).hexdigest()}"'
        if use_cache and request.method == "GET":
            headers = [(n, v) for n, v in response.items() if n.lower() not in _SKIP_HEADERS]
            cache.set(key, (response.content, headers, time.time() + lifetime), lifetime)
            response.headers["X-Page-Cache"] = "miss"
        return response
