import re

import pytest
from django.urls import reverse

from contact.models import Tip

pytestmark = pytest.mark.django_db

URL = "/contact/tip/"


def test_tip_page_shows_captcha_hint_consent_table_and_optional_identity(client):
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert "자동등록방지 숫자를 순서대로 입력하세요." in html
    for column in ("목적", "항목", "보유 기간"):
        assert f'<th scope="col">{column}</th>' in html
    assert "접수일로부터 1년" in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert re.search(r'<label class="field__label" for="id_name">이름 <span class="field__optional">\(선택\)', html)
    assert html.count("<h1") == 1


def test_tip_is_stored_with_a_reference_and_the_sender_sees_it(client, tip_data, frozen_now):
    response = client.post(URL, tip_data())
    assert response.status_code == 302
    assert response.url == reverse("contact:tip_done")
    tip = Tip.objects.get()
    assert tip.reference == "T-20261118-0001"
    assert tip.status == Tip.Status.RECEIVED
    assert tip.consented_at is not None
    assert tip.title == "문산 시장 앞 가로등이 꺼져 있어요"
    done = client.get(response.url)
    assert tip.reference in done.content.decode()
    assert "제보가 접수되었습니다" in done.content.decode()


def test_confirmation_is_not_shown_to_anyone_else(client, tip_data, django_user_model):
    from django.test import Client

    client.post(URL, tip_data())
    reference = Tip.objects.get().reference
    stranger = Client()
    response = stranger.get(reverse("contact:tip_done"))
    assert response.status_code == 302
    assert response.url == URL
    assert reference not in stranger.get(URL).content.decode()


def test_second_tip_of_the_day_gets_the_next_number(client, tip_data):
    client.post(URL, tip_data())
    client.post(URL, tip_data(title="두 번째 제보"))
    assert sorted(Tip.objects.values_list("reference", flat=True))[-1].endswith("-0002")


def test_anonymous_tip_without_name_or_contact_is_accepted(client, tip_data):
    response = client.post(URL, tip_data(name="", phone="", email=""))
    assert response.status_code == 302
    assert Tip.objects.get().name == ""


def test_tipster_and_desk_get_an_email_with_the_reference(client, tip_data, editor, mailoutbox):
    client.post(URL, tip_data())
    reference = Tip.objects.get().reference
    to_tipster = next(mail for mail in mailoutbox if mail.to == ["tipster@example.com"])
    assert reference in to_tipster.subject and reference in to_tipster.body
    assert "가로등" not in to_tipster.subject + to_tipster.body  # the sender's own text is not echoed
    to_desk = next(mail for mail in mailoutbox if mail.to == [editor.email])
    assert reference in to_desk.subject
    assert f"/admin/contact/tip/{Tip.objects.get().pk}/change/" in to_desk.body


def test_newsroom_emails_setting_overrides_the_desk_group(client, tip_data, editor, settings, mailoutbox):
    settings.NEWSROOM_EMAILS = ["tips@firstnews.example"]
    client.post(URL, tip_data(email=""))
    assert [mail.to for mail in mailoutbox] == [["tips@firstnews.example"]]


def test_anonymous_tip_sends_no_mail_to_the_tipster(client, tip_data, mailoutbox):
    client.post(URL, tip_data(email=""))
    assert all(mail.to != [""] for mail in mailoutbox)
    assert not mailoutbox  # no desk member with an e-mail exists in this test


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("title", "", "제목을 입력하세요."),
        ("content", "", "내용을 입력하세요."),
        ("consent", None, "개인정보 수집·이용에 동의해야 보낼 수 있습니다."),
        ("captcha_1", "", "자동등록방지 숫자를 입력하세요."),
        ("captcha_1", "123456", "자동등록방지 숫자가 틀렸습니다."),
        ("email", "not-an-address", "올바른 이메일 주소를 입력하세요."),
        ("phone", "전화주세요", "전화번호는 숫자와 붙임표(-)로 입력하세요."),
        ("title", "가" * 121, "최대 120"),
        ("content", "나" * 5001, "최대 5000"),
        ("name", "다" * 31, "최대 30"),
    ],
)
def test_bad_input_is_refused_next_to_its_field_and_typed_text_is_kept(client, tip_data, field, value, message):
    data = tip_data(**{field: value})
    response = client.post(URL, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert not Tip.objects.exists()
    assert "입력한 내용을 확인해 주세요." in html
    assert re.search(r'class="field__errors"[^>]*><li>[^<]*' + re.escape(message), html), message
    if field != "title":
        assert 'value="문산 시장 앞 가로등이 꺼져 있어요"' in html
    if field != "content":
        assert "일주일째 꺼져 있어 밤길이 어둡습니다.</textarea>" in html
    assert 'value="PASSED"' not in html


def test_a_wrong_captcha_shows_a_fresh_image(client, tip_data):
    response = client.post(URL, tip_data(captcha_1="000000", captcha_0="old-key"))
    assert 'value="old-key"' not in response.content.decode()
    assert "/captcha/image/" in response.content.decode()
