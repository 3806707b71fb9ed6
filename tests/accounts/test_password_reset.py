import re

import pytest
from django.urls import reverse

from tests.factories import captcha_on

pytestmark = pytest.mark.django_db

RESET = reverse("accounts:password_reset")


def test_reset_request_has_the_captcha(client):
    page = client.get(RESET).content.decode()
    assert "자동등록방지 숫자를 순서대로 입력하세요." in page
    assert "숫자음성듣기" in page


def test_wrong_captcha_sends_no_mail_and_keeps_the_email(client, member, mailoutbox):
    key, answer = captcha_on(client.get(RESET).content.decode())
    page = client.post(RESET, {"email": "member@example.com", "captcha_0": key, "captcha_1": "x"}).content.decode()
    assert "자동등록방지 숫자가 틀렸습니다." in page
    assert 'value="member@example.com"' in page
    assert mailoutbox == []


@pytest.mark.usefixtures("captcha_passes")
def test_the_answer_is_the_same_whether_or_not_the_email_exists(client, member, mailoutbox):
    known = client.post(RESET, {"email": "member@example.com", "captcha_0": "x", "captcha_1": "passed"})
    unknown = client.post(RESET, {"email": "nobody@example.com", "captcha_0": "x", "captcha_1": "passed"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"] == reverse("accounts:password_reset_done")
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["member@example.com"]


@pytest.mark.usefixtures("captcha_passes")
def test_member_sets_a_new_password_from_the_mailed_link(client, member, mailoutbox):
    client.post(RESET, {"email": "member@example.com", "captcha_0": "x", "captcha_1": "passed"})
    mail = mailoutbox[0]
    assert mail.subject == "[퍼스트신문] 비밀번호 재설정 안내"
    link = re.search(r"http://testserver(/accounts/password/reset/\S+/)", mail.body).group(1)
    form_url = client.get(link)["Location"]  # Django swaps the token for a session one
    page = client.post(form_url, {"new_password1": "1234", "new_password2": "1234"}).content.decode()
    assert "최소 8자 이상이어야 합니다." in page
    response = client.post(form_url, {"new_password1": "새-비밀번호-2026", "new_password2": "새-비밀번호-2026"})
    assert response["Location"] == reverse("accounts:password_reset_complete")
    member.refresh_from_db()
    assert member.check_password("새-비밀번호-2026")
    assert "이미 사용했거나 기간이 지난 링크입니다." in client.get(link, follow=True).content.decode()
