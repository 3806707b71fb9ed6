from captcha.views import _captcha_image
from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, JsonResponse
from django.utils.crypto import salted_hmac
from django.views.decorators.cache import never_cache

from lib import ratelimit
from lib.netaddr import client_ip

from .captcha import challenge_audio, challenge_for, challenge_urls, new_key

REFRESH_LIMIT = 60  # new challenges one address may ask for in an hour: plenty for people, not for a flood


def _media(request, key, kind, draw):
    """The challenge's image or audio: drawn once per challenge and kept in the cache while it lives;
    drawing is limited per address (CAPTCHA_MEDIA_PER_ADDRESS an hour)."""
    store = challenge_for(key, request)
    if store is None:
        return None
    cache_key = "captcha:media:" + salted_hmac("firstnews.captcha.media", f"{kind}|{store.pk}|{key}").hexdigest()
    cached = cache.get(cache_key)
    if cached is None:
        if not ratelimit.hit("captcha.media", client_ip(request) or "", settings.CAPTCHA_MEDIA_PER_ADDRESS, 60 * 60):
            return HttpResponse("잠시 뒤에 다시 시도하세요.", status=429, content_type="text/plain; charset=utf-8")
        cached = draw(store)
        cache.set(cache_key, cached, settings.CAPTCHA_TIMEOUT * 60)
    return cached


@never_cache
def captcha_image(request, key, scale=1):
    """The challenge as a distorted image (django-simple-captcha draws it)."""
    body = _media(request, key, f"image@{scale}", lambda store: _captcha_image(store, scale).content)
    if body is None:
        return HttpResponse(status=410)  # Gone: not a key of ours, or its address asked for too many
    if isinstance(body, HttpResponse):
        return body
    return HttpResponse(body, content_type="image/png")


@never_cache
def captcha_audio(request, key):
    """The challenge read aloud; listening does not use it up, answering does."""
    body = _media(request, key, "audio", lambda store: challenge_audio(store.challenge))
    if body is None:
        return HttpResponse(status=410)  # Gone: the challenge was used or has expired
    if isinstance(body, HttpResponse):
        return body
    response = HttpResponse(body, content_type="audio/wav")
    response["Content-Disposition"] = 'inline; filename="captcha.wav"'
    return response


@never_cache
def captcha_refresh(request):
    """A new challenge key for the refresh button, without reloading the form (its row is made when the
    image loads). One address gets at most REFRESH_LIMIT new ones an hour."""
    if not ratelimit.hit("captcha.refresh", client_ip(request) or "", REFRESH_LIMIT, 60 * 60):
        return JsonResponse({"error": "잠시 뒤에 다시 새로고침하세요."}, status=429)
    return JsonResponse(challenge_urls(new_key()))
