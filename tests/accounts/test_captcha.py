import datetime
import io
import re
import wave
from array import array

import pytest
from captcha.models import CaptchaStore
from django.contrib.auth import get_user_model
from django.core import checks
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.captcha import HISS, _digit_clips
from tests.factories import captcha_on

pytestmark = pytest.mark.django_db

User = get_user_model()
SIGNUP = reverse("accounts:signup")
WRONG = "자동등록방지 숫자가 틀렸습니다. 새 숫자를 입력하세요."
USED = "자동등록방지 숫자의 입력 시간이 지났거나 이미 사용되었습니다. 새 숫자를 입력하세요."


def test_challenge_is_six_digits_in_a_png_image(client):
    key, answer = captcha_on(client.get(SIGNUP).content.decode())
    assert len(answer) == 6 and answer.isdigit()
    image = client.get(reverse("captcha-image", args=[key]))
    assert image.status_code == 200 and image["Content-Type"] == "image/png"
    assert image.content.startswith(b"\x89PNG")
    assert not image.cookies


def test_right_answer_creates_the_account(client, signup_data):
    key, answer = captcha_on(client.get(SIGNUP).content.decode())
    response = client.post(SIGNUP, signup_data(captcha_0=key, captcha_1=answer))
    assert response.status_code == 302
    assert User.objects.filter(username="paju_reader").exists()


def test_wrong_answer_never_creates_an_account_and_shows_a_fresh_challenge(client, signup_data):
    key, answer = captcha_on(client.get(SIGNUP).content.decode())
    wrong = "000000" if answer != "000000" else "111111"
    page = client.post(SIGNUP, signup_data(captcha_0=key, captcha_1=wrong)).content.decode()
    assert WRONG in page
    assert not User.objects.exists()
    new_key, _ = captcha_on(page)
    assert new_key != key
    assert 'value="paju_reader"' in page and 'value="파주독자"' in page  # the rest of the form is kept


def test_a_challenge_is_used_up_by_a_wrong_answer(client, signup_data):
    key, answer = captcha_on(client.get(SIGNUP).content.decode())
    client.post(SIGNUP, signup_data(captcha_0=key, captcha_1="999999" if answer != "999999" else "888888"))
    assert not CaptchaStore.objects.filter(hashkey=key).exists()
    page = client.post(SIGNUP, signup_data(captcha_0=key, captcha_1=answer)).content.decode()
    assert USED in page
    assert not User.objects.exists()


def test_a_right_answer_cannot_be_replayed(client, signup_data):
    key, answer = captcha_on(client.get(SIGNUP).content.decode())
    client.post(SIGNUP, signup_data(captcha_0=key, captcha_1=answer, username=""))  # fails on the ID
    page = client.post(SIGNUP, signup_data(captcha_0=key, captcha_1=answer)).content.decode()
    assert USED in page
    assert not User.objects.exists()


def test_an_expired_challenge_gets_a_clear_message(client, signup_data):
    key, answer = captcha_on(client.get(SIGNUP).content.decode())
    CaptchaStore.objects.filter(hashkey=key).update(expiration=timezone.now() - datetime.timedelta(seconds=1))
    page = client.post(SIGNUP, signup_data(captcha_0=key, captcha_1=answer)).content.decode()
    assert USED in page
    assert not User.objects.exists()
    assert captcha_on(page)[0] != key


def test_refresh_gives_a_new_challenge_with_its_image_and_audio(client):
    key, _ = captcha_on(client.get(SIGNUP).content.decode())
    data = client.get(reverse("captcha-refresh")).json()
    assert data["key"] != key
    assert not CaptchaStore.objects.filter(hashkey=data["key"]).exists()  # made when first needed
    assert data["image_url"] == reverse("captcha-image", args=[data["key"]])
    assert data["audio_url"] == reverse("captcha-audio", args=[data["key"]])
    assert client.get(data["image_url"]).status_code == 200
    assert CaptchaStore.objects.filter(hashkey=data["key"]).exists()


def read_digits(wav_bytes):
    """Recognise the digits in a reading by finding each committed clip (at one of its loudness
    levels, give or take the hiss) where the layout puts it."""
    with wave.open(io.BytesIO(wav_bytes), "rb") as audio:
        rate = audio.getframerate()
        samples = array("h", audio.readframes(audio.getnframes()))
    _params, clips, _noise = _digit_clips()

    def clip_at(position):
        for digit, variants in clips.items():
            for variant in variants:
                window = samples[position : position + len(variant)]
                if len(window) == len(variant) and all(
                    abs(a - b) <= HISS for a, b in zip(window, variant, strict=True)
                ):
                    return digit, len(variant)
        return None

    digits, position = "", int(rate * 0.4)
    found = clip_at(position)
    while found:
        digit, length = found
        digits += digit
        gap_start = position + length
        found = None
        for position in range(gap_start + int(rate * 0.45) - 1, min(gap_start + int(rate * 0.75) + 2, len(samples))):
            found = clip_at(position)
            if found:
                break
    return digits


def test_audio_reads_the_digits_of_its_own_challenge(client):
    key, answer = captcha_on(client.get(SIGNUP).content.decode())
    response = client.get(reverse("captcha-audio", args=[key]))
    assert response.status_code == 200 and response["Content-Type"] == "audio/wav"
    assert read_digits(response.content) == answer
    again = client.get(reverse("captcha-audio", args=[key])).content
    assert again == response.content  # drawn once per challenge, then served from the cache
    other_key, other_answer = captcha_on(client.get(SIGNUP).content.decode())
    assert read_digits(client.get(reverse("captcha-audio", args=[other_key])).content) == other_answer


def test_listening_does_not_use_the_challenge_up_but_answering_ends_its_audio(client, signup_data):
    key, answer = captcha_on(client.get(SIGNUP).content.decode())
    assert client.get(reverse("captcha-audio", args=[key])).status_code == 200
    client.post(SIGNUP, signup_data(captcha_0=key, captcha_1=answer))
    assert User.objects.exists()
    assert client.get(reverse("captcha-audio", args=[key])).status_code == 410


def test_test_mode_is_refused_outside_debug(settings):
    settings.CAPTCHA_TEST_MODE = True
    settings.DEBUG = False
    errors = [error.id for error in checks.run_checks() if error.level >= checks.ERROR]
    assert "accounts.E001" in errors
    settings.CAPTCHA_TEST_MODE = False
    assert "accounts.E001" not in [error.id for error in checks.run_checks()]


def test_making_a_challenge_sweeps_expired_ones(client):
    for _ in range(3):
        captcha_on(client.get(SIGNUP).content.decode(), client)
    CaptchaStore.objects.update(expiration=timezone.now() - datetime.timedelta(seconds=1))
    captcha_on(client.get(SIGNUP).content.decode(), client)
    assert CaptchaStore.objects.count() == 1


def test_page_views_make_no_challenge(client):
    for _ in range(5):
        assert 'name="captcha_0"' in client.get(SIGNUP).content.decode()
        client.get(reverse("captcha-refresh"))
    assert CaptchaStore.objects.count() == 0


def test_keys_we_never_handed_out_or_used_up_get_no_challenge(client, signup_data):
    assert client.get(reverse("captcha-image", args=["a" * 40])).status_code == 410
    key, answer = captcha_on(client.get(SIGNUP).content.decode(), client)
    client.post(SIGNUP, signup_data(captcha_0=key, captcha_1=answer))
    assert User.objects.exists()
    assert client.get(reverse("captcha-image", args=[key])).status_code == 410  # not made again
    assert not CaptchaStore.objects.exists()


def test_new_challenges_are_limited_per_address(client, settings):
    settings.CAPTCHA_NEW_PER_ADDRESS = 3
    keys = [captcha_on(client.get(SIGNUP).content.decode(), client)[0] for _ in range(3)]
    flood = client.get(SIGNUP).content.decode()
    key = re.search(r'name="captcha_0" value="(\w+)"', flood).group(1)
    assert client.get(reverse("captcha-image", args=[key])).status_code == 410
    assert CaptchaStore.objects.count() == 3
    # the challenges already made still show, and another address is not affected
    assert client.get(reverse("captcha-image", args=[keys[0]])).status_code == 200
    assert client.get(reverse("captcha-image", args=[key]), REMOTE_ADDR="198.51.100.41").status_code == 200


def test_images_and_audio_are_drawn_once_per_challenge_and_limited_per_address(client, settings):
    settings.CAPTCHA_MEDIA_PER_ADDRESS = 2
    key, _ = captcha_on(client.get(SIGNUP).content.decode(), client)  # one drawing: the image
    first = client.get(reverse("captcha-image", args=[key]))
    for _ in range(5):
        again = client.get(reverse("captcha-image", args=[key]))
        assert again.status_code == 200 and again.content == first.content  # from the cache
    assert client.get(reverse("captcha-audio", args=[key])).status_code == 200  # the second drawing
    other, _ = captcha_on(client.get(SIGNUP).content.decode(), Client(REMOTE_ADDR="198.51.100.42"))
    assert client.get(reverse("captcha-audio", args=[other])).status_code == 429  # a third drawing


def test_refresh_is_limited_per_address(client, monkeypatch):
    from accounts import captcha_views

    monkeypatch.setattr(captcha_views, "REFRESH_LIMIT", 3)
    for _ in range(3):
        assert client.get(reverse("captcha-refresh")).status_code == 200
    before = CaptchaStore.objects.count()
    response = client.get(reverse("captcha-refresh"))
    assert response.status_code == 429
    assert CaptchaStore.objects.count() == before  # no new row for the flood
    assert client.get(reverse("captcha-refresh"), REMOTE_ADDR="198.51.100.40").status_code == 200
