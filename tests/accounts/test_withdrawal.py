import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from accounts.models import Consent
from accounts.services import member_signup
from pages.models import Document

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("captcha_passes")]

User = get_user_model()
WITHDRAW = reverse("accounts:withdraw")


@pytest.fixture
def leaving(client):
    user = member_signup(
        username="leaving",
        nickname="떠나는독자",
        email="leaving@example.com",
        password="correct-horse-battery",
        terms=Document.objects.current("terms"),
        privacy=Document.objects.current("privacy"),
        marketing=True,
    )
    user.first_name, user.last_name = "독자", "이"
    user.save()
    client.force_login(user)
    return user


def test_withdrawal_page_explains_what_happens(client, leaving):
    page = client.get(WITHDRAW).content.decode()
    assert "이 아이디로 더 이상 로그인할 수 없습니다." in page
    assert "탈퇴한 회원" in page


def test_wrong_password_or_missing_confirmation_withdraws_nothing(client, leaving):
    page = client.post(WITHDRAW, {"password": "wrong", "confirm": "on"}).content.decode()
    assert "비밀번호가 올바르지 않습니다." in page
    page = client.post(WITHDRAW, {"password": "correct-horse-battery"}).content.decode()
    assert "안내를 확인했다고 표시해 주세요." in page
    leaving.refresh_from_db()
    assert leaving.is_active and not leaving.is_withdrawn and leaving.email == "leaving@example.com"


def test_withdrawal_erases_personal_data_and_logs_out(client, leaving):
    response = client.post(WITHDRAW, {"password": "correct-horse-battery", "confirm": "on"})
    assert response.status_code == 302 and response["Location"] == reverse("accounts:withdraw_done")
    assert "_auth_user_id" not in client.session
    user = User.objects.get(pk=leaving.pk)
    assert user.username == "leaving"  # the ID stays reserved
    assert (user.email, user.nickname, user.first_name, user.last_name) == ("", None, "", "")
    assert not user.is_active and not user.has_usable_password()
    assert user.is_withdrawn and user.display_name == "탈퇴한 회원" and str(user) == "탈퇴한 회원"
    marketing = Consent.objects.get(user=user, kind="marketing")
    assert marketing.withdrawn_at is not None
    assert Consent.objects.filter(user=user, kind="terms").exists()  # proof of what was agreed stays
    assert "개인정보는 모두 지웠습니다" in client.get(response["Location"]).content.decode()


def test_withdrawn_member_cannot_log_in(client, leaving):
    client.post(WITHDRAW, {"password": "correct-horse-battery", "confirm": "on"})
    response = client.post(reverse("accounts:login"), {"username": "leaving", "password": "correct-horse-battery"})
    assert response.status_code == 200
    assert "아이디 또는 비밀번호가 올바르지 않습니다." in response.content.decode()


def test_withdrawn_id_cannot_be_taken_but_nickname_and_email_are_free(client, leaving, signup_data):
    client.post(WITHDRAW, {"password": "correct-horse-battery", "confirm": "on"})
    page = client.post(
        reverse("accounts:signup"), signup_data(username="leaving", nickname="떠나는독자", email="leaving@example.com")
    ).content.decode()
    assert "이미 사용 중인 아이디입니다." in page
    assert "이미 사용 중인 닉네임입니다." not in page and "이미 가입된 이메일입니다." not in page


def test_withdrawn_member_gets_no_password_reset_mail(client, leaving, mailoutbox):
    client.post(WITHDRAW, {"password": "correct-horse-battery", "confirm": "on"})
    client.post(
        reverse("accounts:password_reset"), {"email": "leaving@example.com", "captcha_0": "x", "captcha_1": "passed"}
    )
    assert mailoutbox == []


def test_withdrawal_needs_login(client):
    assert client.get(WITHDRAW).status_code == 302
