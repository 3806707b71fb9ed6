from captcha.models import CaptchaStore
from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache

from lib import ratelimit
from lib.netaddr import client_ip

from .captcha import challenge_audio, challenge_urls

REFRESH_LIMIT = 60  # new challenges one address may ask for in an hour: plenty for people, not for a flood


@never_cache
def captcha_audio(request, key):
    """The challenge read aloud; listening does not use it up, answering does."""
    store = CaptchaStore.objects.filter(hashkey=key, expiration__gt=timezone.now()).first()
    if store is None:
        return HttpResponse(status=410)  # Gone: the challenge was used or has expired
    response = HttpResponse(challenge_audio(store.challenge), content_type="audio/wav")
    response["Content-Disposition"] = 'inline; filename="captcha.wav"'
    return response


@never_cache
def captcha_refresh(request):
    """A new challenge for the refresh button, without reloading the form. Expired challenges
    are swept here too, and one address gets at most REFRESH_LIMIT new ones an hour."""
    if not ratelimit.hit("captcha.refresh", client_ip(request) or "", REFRESH_LIMIT, 60 * 60):
        return JsonResponse({"error": "잠시 뒤에 다시 새로고침하세요."}, status=429)
    CaptchaStore.remove_expired()
    return JsonResponse(challenge_urls(CaptchaStore.generate_key()))
