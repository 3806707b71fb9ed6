import pytest
from django.urls import reverse

from accounts.models import Consent
from accounts.services import member_signup
from pages.models import Document

pytestmark = pytest.mark.django_db

PROFILE = reverse("accounts:profile")


@pytest.fixture
def signed_up(client):
    user = member_signup(
        username="gyoha",
        nickname="교하주민",
        email="gyoha@example.com",
        password="correct-horse-battery",
        terms=Document.objects.current("terms"),
        privacy=Document.objects.current("privacy"),
        marketing=True,
    )
    client.force_login(user)
    return user


def test_my_page_needs_login(client):
    response = client.get(PROFILE)
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login") + "?next=")


def test_my_page_shows_id_and_consents_with_versions(client, signed_up):
    page = client.get(PROFILE).content.decode()
    assert "gyoha" in page and 'value="교하주민"' in page and 'value="gyoha@example.com"' in page
    consents = page[page.index('id="consents-title"') :]
    for label in ("회원가입약관", "개인정보 수집 및 이용", "마케팅 정보 수신"):
        assert label in consents
    assert "<td>1.0</td>" in consents
    assert "마케팅 정보 수신 동의 철회" in consents


def test_member_changes_nickname_and_email(client, signed_up):
    response = client.post(PROFILE, {"nickname": "교하새이름", "email": "new@example.com"})
    assert response.status_code == 302
    signed_up.refresh_from_db()
    assert (signed_up.nickname, signed_up.email) == ("교하새이름", "new@example.com")
    assert "회원 정보를 저장했습니다." in client.get(PROFILE).content.decode()


def test_changing_case_of_own_email_is_allowed(client, signed_up):
    assert client.post(PROFILE, {"nickname": "교하주민", "email": "GYOHA@example.com"}).status_code == 302


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"nickname": "파주주민", "email": "gyoha@example.com"}, "이미 사용 중인 닉네임입니다."),
        ({"nickname": "교하주민", "email": "Member@Example.com"}, "이미 가입된 이메일입니다."),
        ({"nickname": "운영자", "email": "gyoha@example.com"}, "사용할 수 없는 닉네임입니다."),
        ({"nickname": "", "email": "gyoha@example.com"}, "닉네임을 입력하세요."),
        ({"nickname": "교하주민", "email": ""}, "이메일을 입력하세요."),
    ],
)
def test_profile_rules_match_signup(client, member, signed_up, data, message):
    page = client.post(PROFILE, data).content.decode()
    assert message in page
    signed_up.refresh_from_db()
    assert (signed_up.nickname, signed_up.email) == ("교하주민", "gyoha@example.com")


def test_member_withdraws_and_gives_again_the_marketing_consent(client, signed_up):
    response = client.post(reverse("accounts:marketing_consent"), {"agreed": "0"})
    assert response.status_code == 302
    marketing = Consent.objects.get(user=signed_up, kind="marketing")
    assert marketing.withdrawn_at is not None
    page = client.get(PROFILE).content.decode()
    assert "마케팅 정보 수신 동의를 철회했습니다." in page and "철회 (" in page
    client.post(reverse("accounts:marketing_consent"), {"agreed": "1"})
    assert Consent.objects.filter(user=signed_up, kind="marketing", withdrawn_at__isnull=True).count() == 1
    assert Consent.objects.filter(user=signed_up, kind="marketing").count() == 2  # the history stays
    # required consents are untouched
    assert Consent.objects.filter(user=signed_up, withdrawn_at__isnull=True, kind__in=["terms", "privacy"]).count() == 2


def test_consent_change_is_post_only(client, signed_up):
    assert client.get(reverse("accounts:marketing_consent")).status_code == 405


def test_member_changes_password_with_the_current_one(client, signed_up):
    url = reverse("accounts:password_change")
    page = client.post(
        url, {"old_password": "wrong", "new_password1": "새-비밀번호-2026", "new_password2": "새-비밀번호-2026"}
    ).content.decode()
    assert "현재 비밀번호가 올바르지 않습니다." in page
    page = client.post(
        url, {"old_password": "correct-horse-battery", "new_password1": "12345678", "new_password2": "12345678"}
    ).content.decode()
    assert "너무 흔히 사용되는 비밀번호입니다." in page
    response = client.post(
        url,
        {
            "old_password": "correct-horse-battery",
            "new_password1": "새-비밀번호-2026",
            "new_password2": "새-비밀번호-2026",
        },
    )
    assert response.status_code == 302
    signed_up.refresh_from_db()
    assert signed_up.check_password("새-비밀번호-2026")
    assert client.get(PROFILE).status_code == 200  # still logged in
