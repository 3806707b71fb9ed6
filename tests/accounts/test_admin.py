import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.urls import reverse

pytestmark = pytest.mark.django_db

User = get_user_model()


@pytest.fixture
def admin_client(client, django_user_model):
    admin = django_user_model.objects.create_superuser("chief", "chief@example.com", "correct-horse-battery")
    client.force_login(admin)
    return client


def lock(client, username):
    for _ in range(5):
        client.post(reverse("accounts:login"), {"username": username, "password": "wrong"})


@pytest.mark.parametrize("query", ["member", "파주주민", "member@example.com"])
def test_admin_finds_members_by_id_nickname_or_email(admin_client, member, reporter, query):
    page = admin_client.get(reverse("admin:accounts_user_changelist"), {"q": query}).content.decode()
    assert ">member</a>" in page
    assert ">reporter</a>" not in page


def test_admin_sees_the_consent_records_of_a_member(admin_client):
    from accounts.services import member_signup
    from pages.models import Document

    user = member_signup(
        username="consenting",
        nickname="동의회원",
        email="c@example.com",
        password="correct-horse-battery",
        terms=Document.objects.current("terms"),
        privacy=Document.objects.current("privacy"),
        marketing=False,
    )
    page = admin_client.get(reverse("admin:accounts_user_change", args=[user.pk])).content.decode()
    assert "동의 기록" in page and "회원가입약관" in page and "개인정보 수집 및 이용" in page


def test_admin_unlocks_a_locked_login(admin_client, member):
    from django.test import Client

    reader = Client()
    lock(reader, "member")
    assert AccessAttempt.objects.filter(username="member").exists()
    response = admin_client.post(
        reverse("admin:accounts_user_changelist"), {"action": "unlock_login", "_selected_action": [member.pk]}
    )
    assert response.status_code == 302
    assert not AccessAttempt.objects.filter(username="member").exists()
    ok = reader.post(reverse("accounts:login"), {"username": "member", "password": "correct-horse-battery"})
    assert ok.status_code == 302


def test_admin_deactivates_members(admin_client, member):
    admin_client.post(
        reverse("admin:accounts_user_changelist"), {"action": "deactivate", "_selected_action": [member.pk]}
    )
    member.refresh_from_db()
    assert not member.is_active


def test_withdrawn_filter_lists_withdrawn_members(admin_client, member):
    from accounts.services import member_withdraw

    member_withdraw(user=member)
    page = admin_client.get(reverse("admin:accounts_user_changelist"), {"withdrawn": "yes"}).content.decode()
    assert ">member</a>" in page
