"""Per-address limits for the public forms (counted by lib.ratelimit, so no raw IP is kept)."""

from django.conf import settings

from lib import ratelimit
from lib.netaddr import client_ip

WINDOW_SECONDS = 60 * 60
LIMIT_MESSAGE = "같은 곳에서 한 시간에 %(limit)d번까지만 보낼 수 있습니다. 잠시 뒤에 다시 보내 주세요."


def is_limited(form_name, request):
    return ratelimit.used(f"contact.{form_name}", client_ip(request) or "") >= settings.CONTACT_RATE_LIMIT


def count_submission(form_name, request):
    ratelimit.count(f"contact.{form_name}", client_ip(request) or "", WINDOW_SECONDS)


def limit_message():
    return LIMIT_MESSAGE % {"limit": settings.CONTACT_RATE_LIMIT}
