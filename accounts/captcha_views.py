from captcha.models import CaptchaStore
from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache

from .captcha import challenge_audio, challenge_urls


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
    are swept here too, so that pressing refresh over and over cannot pile up rows."""
    CaptchaStore.remove_expired()
    return JsonResponse(challenge_urls(CaptchaStore.generate_key()))
