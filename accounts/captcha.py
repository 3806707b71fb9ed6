"""The paper's numeric captcha (자동등록방지): six digits in a distorted image, a refresh button
and the same digits read aloud in Korean.

Any public form adds `captcha = NumericCaptchaField()`. It builds on django-simple-captcha
(challenge store, image drawing) and adds what the paper needs: Korean messages that tell a wrong
answer from a used-up or expired challenge, single use of every challenge even under concurrent
posts, and audio joined from short per-digit clips (accounts/captcha_audio/0.wav … 9.wav, made once
with `espeak-ng -v ko -s 120 -w raw.wav 영|일|…|구` and `sox raw.wav -r 16000 -c 1 -b 16 N.wav
silence 1 0.02 1% reverse silence 1 0.02 1% reverse norm -3`), so the server runs no speech program.

A form page carries only a challenge key (random, signed with SECRET_KEY); its row, with the
digits, is made when the browser first asks for the key's image or audio, at most
CAPTCHA_NEW_PER_ADDRESS an hour per address. Page views by scripts that never load the image
cost nothing, and a flood of image requests stops at the limit. Images and audio are drawn once
per challenge and kept in the cache; generating them is limited per address as well.

Tests may set CAPTCHA_TEST_MODE (answer "passed"); a system check refuses it when DEBUG is off.
"""

import datetime
import io
import operator
import random
import secrets
import time
import wave
from array import array
from functools import cache
from pathlib import Path

from captcha.fields import CaptchaField, CaptchaTextInput
from captcha.models import CaptchaStore
from django import forms
from django.conf import settings
from django.core.cache import cache as shared_cache
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

from lib import ratelimit
from lib.netaddr import client_ip

CHALLENGE_LENGTH = 6
AUDIO_DIR = Path(__file__).resolve().parent / "captcha_audio"

MESSAGES = {
    "required": "자동등록방지 숫자를 입력하세요.",
    "invalid": "자동등록방지 숫자가 틀렸습니다. 새 숫자를 입력하세요.",
    "expired": "자동등록방지 숫자의 입력 시간이 지났거나 이미 사용되었습니다. 새 숫자를 입력하세요.",
}


def numeric_challenge():
    """CAPTCHA_CHALLENGE_FUNCT: six digits from the system's random source; the answer is the text itself."""
    digits = "".join(secrets.choice("0123456789") for _ in range(CHALLENGE_LENGTH))
    return digits, digits


def _signature(token):
    return salted_hmac("firstnews.captcha.key", token).hexdigest()[:16]


def new_key():
    """A key for a form to carry (40 characters, as the store's hashkey): 16 random hex digits, the
    minute it was made and our signature. No row is made until the browser asks for the challenge."""
    token = secrets.token_hex(8) + f"{int(time.time()) // 60:08x}"
    return token + _signature(token)


def _key_is_fresh_and_ours(key):
    if len(key) != 40 or not constant_time_compare(key[24:], _signature(key[:24])):
        return False
    try:
        made = int(key[16:24], 16)
    except ValueError:
        return False
    return 0 <= int(time.time()) // 60 - made <= settings.CAPTCHA_TIMEOUT


def challenge_for(key, request):
    """The live challenge of `key`, made now if the key is ours, fresh and has never had one (the first
    image or audio request); None for a key we never handed out, an old or used-up one, or when the
    address has asked for too many challenges this hour."""
    now = timezone.now()
    store = CaptchaStore.objects.filter(hashkey=key, expiration__gt=now).first()
    if store is not None:
        return store
    if not _key_is_fresh_and_ours(key):
        return None
    if not ratelimit.hit("captcha.new", client_ip(request) or "", settings.CAPTCHA_NEW_PER_ADDRESS, 60 * 60):
        return None
    if not shared_cache.add(f"captcha:made:{key}", True, (settings.CAPTCHA_TIMEOUT + 1) * 60):
        return None  # it had its challenge: answered (used up) or expired
    CaptchaStore.remove_expired()
    challenge, response = numeric_challenge()
    store, _ = CaptchaStore.objects.get_or_create(
        hashkey=key,
        defaults={
            "challenge": challenge,
            "response": response,
            "expiration": now + datetime.timedelta(minutes=settings.CAPTCHA_TIMEOUT),
        },
    )
    return store


def challenge_urls(key):
    return {
        "key": key,
        "image_url": reverse("captcha-image", args=[key]),
        "image_2x_url": reverse("captcha-image-2x", args=[key]),
        "audio_url": reverse("captcha-audio", args=[key]),
    }


class NumericCaptchaWidget(CaptchaTextInput):
    template_name = "accounts/widgets/numeric_captcha.html"  # in the app: form widgets render from app templates
    use_fieldset = False  # one label, for the answer box: the hidden key needs none

    class Media:
        js = [forms.Script("js/captcha.js", defer=True)]

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.widgets[1].attrs.update(
            {"inputmode": "numeric", "maxlength": str(CHALLENGE_LENGTH), "class": "captcha__answer"}
        )

    def fetch_captcha_store(self, name, value, attrs=None, generator=None):
        """A signed key only: the challenge row is made when the image or audio is first asked for."""
        key = new_key()
        self._value = [key, ""]
        self._key = key
        self.id_ = self.build_attrs(attrs).get("id", None)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        hint_id = f"{context['widget']['attrs'].get('id', name)}_hint"
        answer = context["widget"]["subwidgets"][1]
        described = answer["attrs"].get("aria-describedby", "")
        answer["attrs"]["aria-describedby"] = f"{hint_id} {described}".strip()
        context.update(challenge_urls(self._key), hint_id=hint_id, refresh_url=reverse("captcha-refresh"))
        return context


class NumericCaptchaField(CaptchaField):
    """A required 6-digit captcha; each challenge can be tried exactly once."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", "자동등록방지 숫자")
        kwargs.setdefault("widget", NumericCaptchaWidget())
        kwargs["error_messages"] = {**MESSAGES, **kwargs.get("error_messages", {})}
        super().__init__(**kwargs)

    def clean(self, value):
        forms.MultiValueField.clean(self, value)  # both parts present, else "required"
        key, answer = value[0], (value[1] or "").strip()
        CaptchaStore.remove_expired()
        if getattr(settings, "CAPTCHA_TEST_MODE", False) and answer.lower() == "passed":
            CaptchaStore.objects.filter(hashkey=key).delete()
            return value
        store = CaptchaStore.objects.filter(hashkey=key).first()
        # Deleting before comparing makes every attempt the last one for this challenge; the row
        # count tells a second, concurrent post of the same challenge that it came too late.
        used, _ = CaptchaStore.objects.filter(hashkey=key).delete()
        if store is None or not used:
            raise ValidationError(self.error_messages["expired"], code="expired")
        if answer != store.response:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return value


GAINS = (0.75, 0.85, 1.0)
HISS = 300  # amplitude of the added noise; clips peak at -3 dB, so sums stay within 16 bits
NOISE_SECONDS = 20  # longer than any reading (0.4 s + 6 × (longest clip + 0.75 s))


@cache
def _digit_clips():
    """Each digit's samples at a few loudness levels, and a stretch of hiss, made once per process."""
    clips = {}
    for digit in "0123456789":
        with wave.open(str(AUDIO_DIR / f"{digit}.wav"), "rb") as clip:
            params = clip.getparams()
            samples = array("h", clip.readframes(clip.getnframes()))
        clips[digit] = [array("h", (int(sample * gain) for sample in samples)) for gain in GAINS]
    rng = random.Random(secrets.randbits(64))
    noise = array("h", (rng.randint(-HISS, HISS) for _ in range(params.framerate * NOISE_SECONDS)))
    return params, clips, noise


def challenge_audio(digits):
    """A WAV file reading the digits with uneven pauses and loudness over a little hiss, so that
    two readings of the same digits never match byte for byte."""
    params, clips, noise = _digit_clips()
    rate = params.framerate
    rng = random.Random(secrets.randbits(64))
    silence = array("h", [0])
    samples = silence * int(rate * 0.4)
    for digit in digits:
        samples += rng.choice(clips[digit])
        samples += silence * int(rate * rng.uniform(0.45, 0.75))
    start = rng.randrange(len(noise) - len(samples))
    mixed = array("h", map(operator.add, samples, noise[start : start + len(samples)]))
    out = io.BytesIO()
    with wave.open(out, "wb") as result:
        result.setnchannels(1)
        result.setsampwidth(2)
        result.setframerate(rate)
        result.writeframes(mixed.tobytes())
    return out.getvalue()
