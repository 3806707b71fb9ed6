import re

import pytest
from django.urls import reverse

from contact.models import AdRequest

pytestmark = pytest.mark.django_db

URL = "/contact/ads/"


def test_ad_request_page_offers_the_four_kinds_and_links_the_guide(client):
    html = client.get(URL).content.decode()
    for label in ("배너 광고", "기사형 광고(애드버토리얼)", "우리동네업소소개 등록", "지면 광고"):
        assert label in html
    assert f'href="{reverse("contact:ad_guide")}"' in html
    assert "자동등록방지 숫자를 순서대로 입력하세요." in html
    assert "상담 종료 후 1년" in html


def test_ad_request_is_stored_with_a_reference_shown_and_mailed(client, ad_data, editor, mailoutbox, frozen_now):
    response = client.post(URL, ad_data())
    assert response.status_code == 302
    ad_request = AdRequest.objects.get()
    assert ad_request.reference == "A-20261118-0001"
    assert ad_request.kind == AdRequest.Kind.BANNER
    assert ad_request.status == AdRequest.Status.RECEIVED
    done = client.get(response.url).content.decode()
    assert ad_request.reference in done
    assert "광고신청이 접수되었습니다" in done
    to_advertiser = next(mail for mail in mailoutbox if mail.to == ["flower@example.com"])
    assert ad_request.reference in to_advertiser.body
    # nothing the sender typed is echoed: the form cannot be used to mail text to someone else
    for typed in ("최봄", "파주 꽃집 들녘", "봄맞이 행사"):
        assert typed not in to_advertiser.body
    assert any(mail.to == [editor.email] and ad_request.reference in mail.subject for mail in mailoutbox)


def test_tip_and_ad_references_are_counted_separately(client, ad_data, tip_data):
    client.post("/contact/tip/", tip_data())
    client.post(URL, ad_data())
    assert AdRequest.objects.get().reference.endswith("-0001")


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("company", "", "회사·상호를 입력하세요."),
        ("contact_person", "", "담당자를 입력하세요."),
        ("phone", "", "전화번호를 입력하세요."),
        ("phone", "031-abc-defg", "전화번호는 숫자와 붙임표(-)로 입력하세요."),
        ("email", "", "이메일을 입력하세요."),
        ("email", "flower@", "올바른 이메일 주소를 입력하세요."),
        ("kind", "", "광고 종류를 고르세요."),
        ("kind", "billboard", "올바르게 선택해 주세요."),
        ("message", "", "문의 내용을 입력하세요."),
        ("message", "가" * 3001, "최대 3000"),
        ("budget", "9" * 51, "최대 50"),
        ("consent", None, "개인정보 수집·이용에 동의해야 보낼 수 있습니다."),
        ("captcha_1", "999999", "자동등록방지 숫자가 틀렸습니다."),
    ],
)
def test_bad_ad_request_is_refused_next_to_its_field_and_kept(client, ad_data, field, value, message):
    response = client.post(URL, ad_data(**{field: value}))
    html = response.content.decode()
    assert response.status_code == 200
    assert not AdRequest.objects.exists()
    assert re.search(r'class="field__errors"[^>]*><li>[^<]*' + re.escape(message), html), message
    if field != "company":
        assert 'value="파주 꽃집 들녘"' in html
    if field != "message":
        assert "봄맞이 행사를 알리는 배너를 걸고 싶습니다.</textarea>" in html
    if field != "kind":
        assert '<option value="banner" selected>' in html
