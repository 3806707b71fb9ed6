"""Per-address limits for the public forms, counted in the cache under a keyed hash (no raw IP kept)."""

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac

WINDOW_SECONDS = 60 * 60
LIMIT_MESSAGE = "같은 곳에서 한 시간에 %(limit)d번까지만 보낼 수 있습니다. 잠시 뒤에 다시 보내 주세요."


def client_address(request):
    if settings.CONTACT_TRUST_FORWARDED_FOR:
        # The front proxy appends the address it saw; only that last entry can be trusted.
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")[-1].strip()
        if forwarded:
            return forwarded
    return request.META.get("REMOTE_ADDR", "")


def _key(form_name, request):
    digest = salted_hmac("contact.rate-limit", client_address(request)).hexdigest()
    return f"contact:rate:{form_name}:{digest}"


def is_limited(form_name, request):
    return cache.get(_key(form_name, request), 0) >= settings.CONTACT_RATE_LIMIT


def count_submission(form_name, request):
    key = _key(form_name, request)
    if not cache.add(key, 1, WINDOW_SECONDS):
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, WINDOW_SECONDS)


def limit_message():
    return LIMIT_MESSAGE % {"limit": settings.CONTACT_RATE_LIMIT}
