"""Per-address limits for the public forms, counted in the cache under a keyed hash (no raw IP kept)."""

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac

from accounts.backends import client_ip

WINDOW_SECONDS = 60 * 60
LIMIT_MESSAGE = "같은 곳에서 한 시간에 %(limit)d번까지만 보낼 수 있습니다. 잠시 뒤에 다시 보내 주세요."


def _key(form_name, request):
    digest = salted_hmac("contact.rate-limit", client_ip(request) or "").hexdigest()
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
