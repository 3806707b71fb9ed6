import datetime

import pytest
from axes.models import AccessAttempt
from django.urls import reverse

from accounts.forms import LOCKED_MESSAGE

pytestmark = pytest.mark.django_db

LOGIN = reverse("accounts:login")
GENERIC = "아이디 또는 비밀번호가 올바르지 않습니다."


RIGHT_PASSWORD = "correct-horse-battery"


def login(client, username="member", password=None, address="127.0.0.1", **fields):
    data = {"username": username, "password": password or RIGHT_PASSWORD, **fields}
    return client.post(LOGIN, data, REMOTE_ADDR=address)


def test_guest_header_links_to_login_and_signup_pages(client):
    page = client.get(reverse("articles:home")).content.decode()
    assert f'<a href="{LOGIN}">회원 로그인</a>' in page
    assert f'href="{reverse("accounts:signup")}">회원 가입</a>' in page
    assert "로그아웃" not in page


def test_member_logs_in_and_sees_nickname_my_page_and_logout(client, member):
    response = login(client)
    assert response.status_code == 302 and response["Location"] == "/"
    page = client.get(reverse("articles:home")).content.decode()
    assert "파주주민" in page and ">내 정보</a>" in page
    assert f'method="post" action="{reverse("accounts:logout")}"' in page and ">로그아웃</button>" in page
    assert "회원 로그인" not in page


def test_logout_is_a_post_that_ends_the_session(client, member):
    client.force_login(member)
    assert client.get(reverse("accounts:logout")).status_code == 405
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302 and response["Location"] == "/"
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(("username", "password"), [("member", "wrong-password"), ("nobody", "correct-horse-battery")])
def test_bad_id_or_password_gets_the_same_generic_error_and_keeps_the_id(client, member, username, password):
    response = login(client, username, password)
    page = response.content.decode()
    assert response.status_code == 200 and GENERIC in page
    assert f'value="{username}"' in page and password not in page


def test_login_page_shows_the_papers_masthead_and_remember_me(client):
    page = client.get(LOGIN).content.decode()
    assert '<span class="logo__name">퍼스트신문</span>' in page and "미래가치를 추구하는" in page
    assert ">로그인 상태 유지</label>" in page
    assert page.count("<h1") == 1


def test_empty_fields_get_korean_messages(client):
    page = client.post(LOGIN, {}).content.decode()
    assert "아이디를 입력하세요." in page and "비밀번호를 입력하세요." in page


def test_without_remember_me_the_session_ends_with_the_browser(client, member):
    login(client)
    assert client.session.get_expire_at_browser_close()


def test_remember_me_keeps_the_session(client, member):
    login(client, remember="on")
    assert not client.session.get_expire_at_browser_close()


def test_inactive_member_gets_the_generic_error(client, member):
    member.is_active = False
    member.save()
    assert GENERIC in login(client).content.decode()


def test_five_failures_lock_the_id_from_that_address_for_fifteen_minutes(client, member):
    for _ in range(4):
        assert GENERIC in login(client, password="wrong").content.decode()
    fifth = login(client, password="wrong")
    assert fifth.status_code == 429
    assert LOCKED_MESSAGE in fifth.content.decode()
    assert 'value="member"' in fifth.content.decode()
    locked = login(client)  # even the right password is refused now
    assert locked.status_code == 429 and LOCKED_MESSAGE in locked.content.decode()
    assert "_auth_user_id" not in client.session
    # The lock is for this ID from this address: the member can still log in from elsewhere,
    # and other IDs from this address are not locked.
    assert login(client, address="203.0.113.9").status_code == 302
    client.logout()
    assert GENERIC in login(client, "someone_else", "wrong").content.decode()


def test_ten_wrong_passwords_keep_the_login_locked(client, member):
    responses = [login(client, password=f"wrong-{n}") for n in range(10)]
    assert [r.status_code for r in responses[5:]] == [429] * 5
    assert login(client).status_code == 429


def test_lock_ends_after_fifteen_minutes(client, member):
    for _ in range(5):
        login(client, password="wrong")
    assert login(client).status_code == 429
    AccessAttempt.objects.update(attempt_time=AccessAttempt.objects.get().attempt_time - datetime.timedelta(minutes=16))
    assert login(client).status_code == 302


def test_admin_login_is_locked_too_with_a_korean_page(client, editor):
    for _ in range(5):
        response = client.post(reverse("admin:login"), {"username": "desk", "password": "wrong"})
    assert response.status_code == 429
    assert LOCKED_MESSAGE in response.content.decode()


def test_a_successful_login_clears_earlier_failures(client, member):
    for _ in range(4):
        login(client, password="wrong")
    login(client)
    client.logout()
    for _ in range(4):
        assert login(client, password="wrong").status_code == 200


@pytest.mark.parametrize("hostile", ["https://evil.example", "//evil.example", "/\\evil.example", "http:evil.example"])
def test_hostile_next_lands_on_the_home_page(client, member, hostile):
    response = login(client, next=hostile)
    assert response.status_code == 302 and response["Location"] == "/"


def test_next_on_this_site_is_followed(client, member, make_article):
    article = make_article()
    response = login(client, next=article.get_absolute_url())
    assert response["Location"] == article.get_absolute_url()


def test_login_page_carries_next_through_the_form(client):
    page = client.get(LOGIN + "?next=/section/news/").content.decode()
    assert '<input type="hidden" name="next" value="/section/news/">' in page


def test_expired_login_failures_are_purged_by_the_cron_command(client, member, monkeypatch):
    import datetime
    import io

    from axes.models import AccessAttempt
    from django.core.management import call_command
    from django.utils import timezone

    client.post(reverse("accounts:login"), {"username": member.username, "password": "틀린 비밀번호"})
    assert AccessAttempt.objects.count() == 1
    call_command("purge_login_failures", stdout=io.StringIO())
    assert AccessAttempt.objects.count() == 1  # still inside the 15-minute lock window
    later = timezone.now() + datetime.timedelta(minutes=16)
    monkeypatch.setattr(timezone, "now", lambda: later)
    out = io.StringIO()
    call_command("purge_login_failures", stdout=out)
    assert AccessAttempt.objects.count() == 0
    assert "1건" in out.getvalue()


def test_password_spraying_from_one_address_is_stopped(client, member, settings):
    """One wrong password for each of many IDs: no ID reaches axes' limit, but the address does."""
    from accounts.forms import ADDRESS_LOCKED_MESSAGE

    settings.LOGIN_FAILURES_PER_ADDRESS = 20
    sprayed = [login(client, f"user{n}", "Spring2026!", address="198.51.100.7") for n in range(20)]
    assert all(r.status_code == 200 and GENERIC in r.content.decode() for r in sprayed)
    refused = login(client, "user99", "Spring2026!", address="198.51.100.7")
    assert refused.status_code == 429 and ADDRESS_LOCKED_MESSAGE in refused.content.decode()
    # even the right password of a real member is refused from that address now
    assert login(client, address="198.51.100.7").status_code == 429
    assert "_auth_user_id" not in client.session
    # another address behind the same carrier is not affected
    assert login(client, address="198.51.100.8").status_code == 302


def test_the_address_lock_ends_with_its_window(client, member, settings, time_machine):
    # a memory cache, whose expiry follows the (moved) clock
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    time_machine.move_to("2026-11-20 10:00 +0900", tick=False)
    settings.LOGIN_FAILURES_PER_ADDRESS = 3
    for n in range(3):
        login(client, f"user{n}", "wrong", address="198.51.100.7")
    assert login(client, address="198.51.100.7").status_code == 429
    time_machine.move_to("2026-11-20 10:16 +0900", tick=False)
    assert login(client, address="198.51.100.7").status_code == 302
