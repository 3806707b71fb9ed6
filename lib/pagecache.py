"""Anonymous pages: their Cache-Control, the app's page cache, and the content generation behind both.

Every change that shows on public pages (an article saved, a comment, a pin, 속보, a banner, site
settings) calls `bump()`, directly or through `bump_on(Model)` signals registered by each app: the
generation counter moves and every page and fragment cached under the old number is never read again
(versioned entries, no flush). Changes that happen with the clock alone (a scheduled article's time, a
속보 or banner window) are found by `register_schedule()` callables: the cached lifetime of a page never
runs past the next such moment, and the first request after it moves the generation.

Which requests are anonymous is decided by cookies, the same rule as deploy/nginx.conf: a request
with the session, CSRF or messages cookie (or an Authorization header) is personal and gets
`Cache-Control: private`; any other GET that answers 200 without setting a cookie is public,
`public, max-age=0, s-maxage=PAGE_CACHE_SECONDS`, without `Vary: Cookie` (the visitor and analytics
cookies do not change a page), and is kept in the cache (Redis when REDIS_URL is set).

Pages and fragments are kept with `kept()`'s rule: one entry per address or fragment, holding the
generation it was made under; when it is out of date one request (holding a short lock) makes it again
while the others answer the previous copy, so a popular page expiring does not start a render per
waiting reader (thundering herd).
"""

import datetime
import hashlib
import time
from collections.abc import Callable
from typing import Any, TypeGuard, TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db import models, transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils import timezone
from django.utils.cache import patch_cache_control

from lib.cache import read_many, remember, request_memo

T = TypeVar("T")

GENERATION_KEY = "pagecache:generation"
NEXT_CHANGE_KEY = "pagecache:schedule"
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


def current(also: tuple[str, ...] = ()) -> State:
    """The state, and the keys `also`, in one round trip (lib.cache.read_many: kept in the request's
    memo, and the first read of a named page brings its usual keys too)."""
    values = read_many([GENERATION_KEY, NEXT_CHANGE_KEY, *also])
    generation = values.get(GENERATION_KEY)
    # (the next scheduled moment or 0, when to look again); kept without expiry, so that a moment that
    # passed is noticed by the first request after it however late it comes (bump() deletes it)
    schedule = values.get(NEXT_CHANGE_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, time.time_ns() // 1000, None)
        generation = cache.get(GENERATION_KEY, 0)
    now = timezone.now()
    if schedule and schedule[0] and schedule[0] <= now.timestamp():
        # The scheduled moment has come: one request (the one that adds the marker) moves the generation.
        if cache.add(f"pagecache:passed:{schedule[0]}", 1, 60):
            bump()
        generation = cache.get(GENERATION_KEY, generation)
        schedule = None
    elif schedule and schedule[1] <= now.timestamp():
        schedule = None
    if schedule is None:
        schedule = (_next_change(now), now.timestamp() + NEXT_CHANGE_RECHECK)
        cache.set(NEXT_CHANGE_KEY, schedule, None)
    return State(int(generation), float(schedule[0]))


# A recomputed entry stays readable this much longer than its lifetime, as the stale copy served
# while one request makes the new one; the lock of that request lasts at most LOCK_SECONDS.
STALE_SECONDS = 60
LOCK_SECONDS = 10


def kept(key: str, generation: int, compute: Callable[[], T], timeout: int) -> T:
    """`compute()` cached under `key` for `timeout` seconds and the content `generation`, one recompute
    at a time: when the entry is missing, expired or from an older generation, the request that takes
    the lock (`cache.add`) computes it; the others meanwhile get the previous copy (from before the
    change, at most LOCK_SECONDS old) instead of all rendering the same thing at once (thundering herd),
    or, with no copy at all (a cold cache), wait up to WAIT_SECONDS for the one being made."""
    stored = request_memo(key, lambda: cache.get(key))
    now = time.time()
    if stored is not None and stored[0] == generation and stored[1] > now:
        return stored[2]  # type: ignore[no-any-return]
    lock = f"lock:{key}"
    locked = cache.add(lock, 1, LOCK_SECONDS)
    if not locked:
        if stored is None:
            stored = wait_for(key, generation)
        if stored is not None:
            return stored[2]  # type: ignore[no-any-return]
    try:
        value = compute()
        cache.set(key, (generation, now + timeout, value), timeout + STALE_SECONDS)
        remember(key, (generation, now + timeout, value))
    finally:
        if locked:
            cache.delete(lock)
    return value


WAIT_SECONDS = 2.0


def wait_for(key: str, generation: int) -> Any:
    """The entry of `generation` another request is making, polled for up to WAIT_SECONDS; else None."""
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        time.sleep(0.02)
        stored = cache.get(key)
        if stored is not None and stored[0] == generation:
            return stored
    return None


def request_state(request: HttpRequest, also: tuple[str, ...] = ()) -> State:
    """The state of this request (read on first use with the keys `also`, then kept on the request)."""
    state: State | None = getattr(request, "_pagecache_state", None)
    if state is None:
        state = current(also)
        request._pagecache_state = state  # type: ignore[attr-defined]
    return state


def is_personal(request: HttpRequest) -> bool:
    return "HTTP_AUTHORIZATION" in request.META or any(name in request.COOKIES for name in PERSONAL_COOKIES)


def _page_key(request: HttpRequest) -> str:
    """One entry per address; the generation it was made under is stored in it (see kept())."""
    address = hashlib.md5(request.build_absolute_uri().encode(), usedforsecurity=False).hexdigest()
    return f"page:{address}"


def _public(response: HttpResponseBase, lifetime: int) -> None:
    response.headers["Cache-Control"] = f"public, max-age=0, s-maxage={lifetime}"
    if response.has_header("Vary"):
        kept = [v.strip() for v in response["Vary"].split(",") if v.strip().lower() != "cookie"]
        if kept:
            response["Vary"] = ", ".join(kept)
        else:
            del response["Vary"]


def _set_cache_control(response: HttpResponseBase, lifetime: int) -> TypeGuard[HttpResponse]:
    """The answer's Cache-Control: public for `lifetime` seconds, with an ETag, when it may be shared
    (then True: it may be kept), else private; a view's own choice stays."""
    if response.has_header("Cache-Control"):
        return False  # the view chose (never_cache, a feed's own lifetime, ...)
    if not (
        isinstance(response, HttpResponse) and response.status_code == 200 and not response.cookies and lifetime > 0
    ):
        patch_cache_control(response, private=True)
        return False
    _public(response, lifetime)
    if "ETag" not in response:
        response["ETag"] = f'"{hashlib.md5(response.content, usedforsecurity=False).hexdigest()}"'
    return True


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
        if not settings.APP_PAGE_CACHE:
            # Nothing to look up first: the render reads the state (with the page's usual keys, in one
            # round trip); here it gives the answer's lifetime.
            response = self.get_response(request)
            _set_cache_control(response, request_state(request).lifetime(settings.PAGE_CACHE_SECONDS))
            return response
        key = _page_key(request)
        state = request_state(request, also=(key,))
        lifetime = state.lifetime(settings.PAGE_CACHE_SECONDS)
        use_cache = lifetime > 0
        locked = False
        if use_cache:
            stored = request_memo(key, lambda: cache.get(key))  # read with the state
            if stored is not None:
                generation, expires, content, headers = stored
                if generation == state.generation and expires > time.time():
                    return _stored_answer(content, headers, max(0, min(lifetime, int(expires - time.time()))), "hit")
            # Missing, expired or older than the content: one request renders it again (the one that takes
            # the lock), the others meanwhile answer the previous copy briefly, or wait for the new one.
            locked = request.method == "GET" and cache.add(f"lock:{key}", 1, LOCK_SECONDS)
            if not locked and request.method == "GET":
                if stored is not None:
                    return _stored_answer(stored[2], stored[3], 1, "stale")
                made = wait_for(key, state.generation)
                if made is not None:
                    return _stored_answer(made[2], made[3], max(0, min(lifetime, int(made[1] - time.time()))), "hit")
        try:
            response = self.get_response(request)
            if _set_cache_control(response, lifetime) and use_cache and request.method == "GET":
                headers = [(n, v) for n, v in response.items() if n.lower() not in _SKIP_HEADERS]
                stored = (state.generation, time.time() + lifetime, response.content, headers)
                cache.set(key, stored, lifetime + STALE_SECONDS)
                response.headers["X-Page-Cache"] = "miss"
            return response
        finally:
            if locked:
                cache.delete(f"lock:{key}")


def _stored_answer(content: bytes, headers: list[tuple[str, str]], lifetime: int, label: str) -> HttpResponse:
    answer = HttpResponse(content)
    for name, value in headers:
        answer.headers[name] = value
    _public(answer, lifetime)
    answer.headers["X-Page-Cache"] = label
    return answer
