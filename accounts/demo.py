"""Demo members for `make run`: a few readers with nicknames and the consents a signup records."""

from django.contrib.auth import get_user_model

from pages.models import Document

from . import services

PASSWORD = "firstnews-member-2026"
MEMBERS = [
    # ID, nickname, email, marketing consent
    ("member", "운정주민", "member@example.com", True),
    ("gyoha_reader", "교하독자", "gyoha@example.com", False),
    ("munsan92", "문산토박이", "munsan92@example.com", False),
]


def seed(out):
    User = get_user_model()
    terms = Document.objects.current(Document.Kind.TERMS)
    privacy = Document.objects.current(Document.Kind.PRIVACY)
    created = 0
    for username, nickname, email, marketing in MEMBERS:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = services.member_signup(
                username=username,
                nickname=nickname,
                email=email,
                password=PASSWORD,
                terms=terms,
                privacy=privacy,
                marketing=marketing,
            )
            created += 1
        elif not user.is_withdrawn:
            user.set_password(PASSWORD)  # so the printed password always works
            user.save(update_fields=["password"])
    out.write(f"데모 회원 {created}명을 새로 만들었습니다.")


def logins():
    return [
        "회원 로그인: http://127.0.0.1:8000/accounts/login/",
        f"  회원 아이디 member     비밀번호 {PASSWORD}",
    ]
