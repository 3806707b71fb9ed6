import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from accounts.models import Consent
from pages.models import Document

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("captcha_passes")]

User = get_user_model()
SIGNUP = reverse("accounts:signup")


def test_signup_page_shows_fields_consents_and_captcha_hint(client):
    page = client.get(SIGNUP).content.decode()
    for label in ("아이디", "닉네임", "이메일", "비밀번호 확인", "자동등록방지 숫자"):
        assert f">{label}</label>" in page
    assert "자동등록방지 숫자를 순서대로 입력하세요." in page
    assert (
        '가입하려면 아래 두 필수 항목(<a href="/page/terms/">회원가입약관</a>, <a href="/page/privacy/">개인정보 수집 및 이용</a>)에 각각 동의해 주세요.'
        in page
    )
    assert "<strong>회원 탈퇴 시까지</strong>" in page  # the retention column of the privacy table
    assert "마케팅 정보 수신에 동의합니다. (선택)" in page
    assert page.count("<h1") == 1


def test_good_signup_creates_member_logs_in_and_records_consents_with_versions(client, signup_data):
    response = client.post(SIGNUP, signup_data(agree_marketing="on"))
    assert response.status_code == 302 and response["Location"] == reverse("accounts:signup_done")
    user = User.objects.get(username="paju_reader")
    assert user.nickname == "파주독자" and user.email == "reader@example.com"
    assert user.check_password("운정호수-산책-2026")
    consents = {consent.kind: consent for consent in user.consents.all()}
    assert set(consents) == {"terms", "privacy", "marketing"}
    assert consents["terms"].document == Document.objects.current("terms")
    assert consents["terms"].version == "1.0" and consents["privacy"].version == "1.0"
    assert consents["privacy"].agreed_at is not None
    page = client.get(reverse("accounts:signup_done")).content.decode()
    assert "파주독자님" in page and "로그아웃" in page


def test_marketing_consent_is_optional(client, signup_data):
    client.post(SIGNUP, signup_data())
    kinds = set(Consent.objects.filter(user__username="paju_reader").values_list("kind", flat=True))
    assert kinds == {"terms", "privacy"}


def test_consent_records_the_newest_version_in_force(client, signup_data):
    import datetime

    from django.utils import timezone

    today = timezone.localdate()
    Document.objects.create(kind="terms", version="1.1", effective_on=today, body="<p>개정 약관</p>")
    Document.objects.create(
        kind="terms", version="2.0", effective_on=today + datetime.timedelta(days=7), body="<p>예고된 약관</p>"
    )
    page = client.get(SIGNUP).content.decode()
    assert "개정 약관" in page and "예고된 약관" not in page
    client.post(SIGNUP, signup_data())
    assert Consent.objects.get(user__username="paju_reader", kind="terms").version == "1.1"


def test_terms_changed_while_the_form_was_open_asks_to_agree_again(client, signup_data):
    data = signup_data()
    Document.objects.create(
        kind="terms", version="1.1", effective_on=Document.objects.current("terms").effective_on, body="<p>새 약관</p>"
    )
    response = client.post(SIGNUP, data)
    assert "회원가입약관이 개정되었습니다. 새 약관을 읽고 다시 동의해 주세요." in response.content.decode()
    assert not User.objects.filter(username="paju_reader").exists()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"username": ""}, "username", "아이디를 입력하세요."),
        ({"username": "ab"}, "username", "아이디는 3자 이상 20자 이하로 입력하세요."),
        ({"username": "a" * 21}, "username", "아이디는 3자 이상 20자 이하로 입력하세요."),
        ({"username": "Paju"}, "username", "아이디는 영문 소문자, 숫자, 밑줄(_)만 쓸 수 있습니다."),
        ({"username": "파주독자"}, "username", "아이디는 영문 소문자, 숫자, 밑줄(_)만 쓸 수 있습니다."),
        ({"username": "my-id"}, "username", "아이디는 영문 소문자, 숫자, 밑줄(_)만 쓸 수 있습니다."),
        ({"username": "admin"}, "username", "사용할 수 없는 아이디입니다."),
        ({"username": "administrator"}, "username", "사용할 수 없는 아이디입니다."),
        ({"username": "root"}, "username", "사용할 수 없는 아이디입니다."),
        ({"nickname": "관리자"}, "nickname", "사용할 수 없는 닉네임입니다."),
        ({"nickname": "운영자"}, "nickname", "사용할 수 없는 닉네임입니다."),
        ({"nickname": "파"}, "nickname", "닉네임은 2자 이상 12자 이하로 입력하세요."),
        ({"nickname": "파주 독자"}, "nickname", "닉네임은 한글, 영문, 숫자만 쓸 수 있습니다"),
        ({"nickname": "<b>독자</b>"}, "nickname", "닉네임은 한글, 영문, 숫자만 쓸 수 있습니다"),
        ({"email": "not-an-email"}, "email", "올바른 이메일 주소를 입력하세요."),
        ({"password1": "짧은비번1", "password2": "짧은비번1"}, "password1", "최소 8자 이상이어야 합니다."),
        ({"password1": "password123", "password2": "password123"}, "password1", "너무 흔히 사용되는 비밀번호입니다."),
        (
            {"password1": "20261128555", "password2": "20261128555"},
            "password1",
            "비밀번호가 전부 숫자로 되어 있습니다.",
        ),
        (
            {"password1": "paju_reader1", "password2": "paju_reader1"},
            "password1",
            "아이디, 닉네임 또는 이메일과 너무 비슷합니다.",
        ),
        ({"password2": "다른-비밀번호-2026"}, "password2", "비밀번호가 서로 다릅니다."),
        ({"agree_terms": None}, "agree_terms", "회원가입약관에 동의해야 가입할 수 있습니다."),
        ({"agree_privacy": None}, "agree_privacy", "개인정보 수집 및 이용에 동의해야 가입할 수 있습니다."),
        ({"captcha_1": ""}, "captcha", "자동등록방지 숫자를 입력하세요."),
    ],
)
def test_bad_input_gets_a_korean_message_by_the_field_and_keeps_the_rest(client, signup_data, changes, field, message):
    response = client.post(SIGNUP, signup_data(**changes))
    assert response.status_code == 200
    page = response.content.decode()
    assert f'id="id_{field}_error">' in page
    error = page[page.index(f'id="id_{field}_error">') :]
    assert message in error[: error.index("</ul>")]
    assert 'aria-invalid="true"' in page
    assert not User.objects.filter(username=changes.get("username", "paju_reader")).exists()
    # What was typed stays, except passwords and the captcha.
    if field != "nickname":
        assert 'value="파주독자"' in page
    if field != "email":
        assert 'value="reader@example.com"' in page
    assert "운정호수-산책-2026" not in page
    assert 'value="passed"' not in page


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"username": "member"}, "username", "이미 사용 중인 아이디입니다."),
        ({"nickname": "파주주민"}, "nickname", "이미 사용 중인 닉네임입니다."),
        ({"email": "MEMBER@example.com"}, "email", "이미 가입된 이메일입니다."),
    ],
)
def test_id_nickname_and_email_must_be_unique(client, member, signup_data, changes, field, message):
    page = client.post(SIGNUP, signup_data(**changes)).content.decode()
    assert message in page
    assert User.objects.count() == 1


def test_reserved_names_are_a_setting(client, settings, signup_data):
    settings.ACCOUNTS_RESERVED_NAMES = ["paju_reader"]
    assert "사용할 수 없는 아이디입니다." in client.post(SIGNUP, signup_data()).content.decode()
    assert "admin" not in settings.ACCOUNTS_RESERVED_NAMES
    client.post(SIGNUP, signup_data(username="admin"))
    assert User.objects.filter(username="admin").exists()


def test_signup_is_closed_without_terms_in_force(client):
    Document.objects.filter(kind="terms").delete()
    response = client.get(SIGNUP)
    assert response.status_code == 503
    assert "지금은 가입할 수 없습니다" in response.content.decode()


def test_members_are_sent_from_signup_to_their_page(client, member):
    client.force_login(member)
    assert client.get(SIGNUP)["Location"] == reverse("accounts:profile")


def test_screen_readers_hear_the_error_and_the_help_of_a_field(client, signup_data):
    page = client.post(SIGNUP, signup_data(username="ab")).content.decode()
    field = page[page.index('name="username"') :]
    field = field[: field.index(">")]
    assert 'aria-describedby="id_username_helptext id_username_error"' in field
    assert 'aria-invalid="true"' in field
