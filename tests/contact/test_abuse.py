import pytest
from django.core.cache import cache

from contact.models import AdRequest, Tip

pytestmark = pytest.mark.django_db

TIP_URL = "/contact/tip/"
AD_URL = "/contact/ads/"
LIMIT_MESSAGE = "같은 곳에서 한 시간에 5번까지만 보낼 수 있습니다. 잠시 뒤에 다시 보내 주세요."

HOSTILE = [
    "<script>alert('x')</script>",
    '"><img src=x onerror=alert(1)>',
    "'; DROP TABLE contact_tip; --",
]


def test_honeypot_is_hidden_from_people_and_not_in_the_tab_order(client):
    html = client.get(TIP_URL).content.decode()
    assert '<div class="contact-hp">' in html
    assert 'name="website"' in html and 'tabindex="-1"' in html


@pytest.mark.parametrize(("url", "data_fixture", "model"), [(TIP_URL, "tip_data", Tip), (AD_URL, "ad_data", AdRequest)])
def test_filled_honeypot_gets_a_generic_refusal_and_stores_nothing(
    client, request, mailoutbox, url, data_fixture, model
):
    data = request.getfixturevalue(data_fixture)(website="http://spam.example")
    response = client.post(url, data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "요청을 처리할 수 없습니다." in html
    assert "홈페이지" not in html  # nothing tells the bot which field gave it away
    assert not model.objects.exists()
    assert not mailoutbox


def test_sixth_tip_within_an_hour_is_refused_with_a_clear_message_and_kept(client, tip_data):
    for number in range(5):
        assert client.post(TIP_URL, tip_data(title=f"제보 {number}")).status_code == 302
    response = client.post(TIP_URL, tip_data(title="여섯 번째 제보"))
    html = response.content.decode()
    assert response.status_code == 429
    assert LIMIT_MESSAGE in html
    assert 'value="여섯 번째 제보"' in html
    assert Tip.objects.count() == 5


def test_the_limit_is_per_form_and_per_address(client, tip_data, ad_data):
    for number in range(5):
        client.post(TIP_URL, tip_data(title=f"제보 {number}"))
    assert client.post(AD_URL, ad_data()).status_code == 302
    assert client.post(TIP_URL, tip_data(), REMOTE_ADDR="203.0.113.9").status_code == 302
    assert client.post(TIP_URL, tip_data()).status_code == 429


def test_the_limit_ends_after_an_hour(client, tip_data, settings):
    settings.CONTACT_RATE_LIMIT = 1
    client.post(TIP_URL, tip_data())
    assert client.post(TIP_URL, tip_data()).status_code == 429
    cache.clear()  # what the hour's expiry does
    assert client.post(TIP_URL, tip_data()).status_code == 302


def test_behind_a_proxy_the_last_forwarded_address_counts(client, tip_data, settings):
    settings.TRUST_X_FORWARDED_FOR = True
    settings.CONTACT_RATE_LIMIT = 1
    client.post(TIP_URL, tip_data(), HTTP_X_FORWARDED_FOR="1.1.1.1, 198.51.100.7")
    # A forged first entry does not escape the limit.
    response = client.post(TIP_URL, tip_data(), HTTP_X_FORWARDED_FOR="9.9.9.9, 198.51.100.7")
    assert response.status_code == 429
    assert client.post(TIP_URL, tip_data(), HTTP_X_FORWARDED_FOR="198.51.100.8").status_code == 302


def test_no_raw_address_is_kept_in_the_cache(client, tip_data, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "i6b"}}
    from django.core.cache import caches

    client.post(TIP_URL, tip_data(), REMOTE_ADDR="198.51.100.23")
    stored = caches["default"]
    keys = list(getattr(stored, "_cache", {}).keys())
    assert keys, "the submission was counted"
    assert not any("198.51.100.23" in key for key in keys)


@pytest.mark.parametrize("hostile", HOSTILE)
@pytest.mark.parametrize("field", ["name", "phone", "email", "title", "content"])
def test_hostile_tip_input_is_stored_as_text_or_refused_and_never_runs(client, tip_data, admin_client, field, hostile):
    response = client.post(TIP_URL, tip_data(**{field: hostile}))
    html = response.content.decode()
    assert hostile not in html
    if response.status_code == 200:  # refused by the field's rules: shown back escaped
        assert not Tip.objects.exists()
        assert "&lt;" in html or "&#x27;" in html or "&quot;" in html
        return
    tip = Tip.objects.get()
    assert getattr(tip, field) == hostile
    change = admin_client.get(f"/admin/contact/tip/{tip.pk}/change/").content.decode()
    assert hostile not in change
    changelist = admin_client.get("/admin/contact/tip/").content.decode()
    assert hostile not in changelist


@pytest.mark.parametrize("hostile", HOSTILE)
@pytest.mark.parametrize(
    "field", ["company", "contact_person", "phone", "email", "kind", "period", "budget", "message"]
)
def test_hostile_ad_input_is_stored_as_text_or_refused_and_never_runs(client, ad_data, admin_client, field, hostile):
    response = client.post(AD_URL, ad_data(**{field: hostile}))
    html = response.content.decode()
    assert hostile not in html
    if response.status_code == 200:
        assert not AdRequest.objects.exists()
        return
    ad_request = AdRequest.objects.get()
    assert getattr(ad_request, field) == hostile
    change = admin_client.get(f"/admin/contact/adrequest/{ad_request.pk}/change/").content.decode()
    assert hostile not in change


@pytest.mark.parametrize("field", ["title", "content", "name"])
def test_a_nul_character_is_refused(client, tip_data, field):
    response = client.post(TIP_URL, tip_data(**{field: "제보\x00내용"}))
    assert response.status_code == 200
    assert "Null 문자" in response.content.decode() or "null" in response.content.decode().lower()
    assert not Tip.objects.exists()


def test_hostile_captcha_and_consent_values_are_refused(client, tip_data):
    response = client.post(TIP_URL, tip_data(captcha_1="<script>", captcha_0="' OR 1=1 --", consent="<b>"))
    assert response.status_code == 200
    assert "이미 사용되었습니다. 새 숫자를 입력하세요." in response.content.decode()  # no such challenge
    assert not Tip.objects.exists()
