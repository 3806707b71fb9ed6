import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.services import member_signup
from lib.sanitize import sanitize_html
from pages.models import Document, SiteSettings

pytestmark = pytest.mark.django_db

FOOTER_PAGES = {
    "about": "회사소개",
    "terms": "회원가입약관",
    "privacy": "개인정보처리방침",
    "youth-policy": "청소년보호정책",
    "email-policy": "이메일주소 무단수집거부",
}


def test_a_fresh_database_has_every_footer_page(client):
    for kind, title in FOOTER_PAGES.items():
        document = Document.objects.current(kind)
        assert document is not None and document.version == "1.0"
        assert document.body == sanitize_html(document.body)  # the shipped text passes our own sanitiser
        page = client.get(reverse("pages:document", args=[kind])).content.decode()
        assert f'<h1 class="pagetitle">{title}</h1>' in page
        assert "버전 1.0" in page and "시행일" in page


def test_footer_links_to_the_five_pages(client):
    page = client.get(reverse("articles:home")).content.decode()
    footer = page[page.index('class="sitefooter__links"') :]
    for kind, title in FOOTER_PAGES.items():
        assert f'href="{reverse("pages:document", args=[kind])}">' in footer
        assert title in footer


def test_privacy_policy_covers_what_pipa_article_30_asks(client):
    site = SiteSettings.load()
    site.privacy_officer = "정보호"
    site.privacy_contact = "031-111-2222"
    site.save()
    page = client.get(reverse("pages:document", args=["privacy"])).content.decode()
    for topic in (
        "처리 목적",
        "처리하는 개인정보의 항목",
        "보유 기간",
        "파기",
        "제3자 제공",
        "위탁",
        "정보주체의 권리",
        "개인정보 보호책임자",
        "쿠키",
    ):
        assert topic in page, topic
    for collected in ("아이디", "닉네임", "댓글", "방문자 통계", "IP 주소는 저장하지 않으며", "기사 제보", "광고 신청"):
        assert collected in page, collected
    assert "성명: 정보호" in page and "연락처: 031-111-2222" in page


def test_youth_policy_names_the_youth_officer(client):
    site = SiteSettings.load()
    site.youth_officer = "정다온"
    site.save()
    assert "성명: 정다온" in client.get(reverse("pages:document", args=["youth-policy"])).content.decode()


def test_newest_version_in_force_is_shown_and_older_ones_stay_readable(client):
    today = timezone.localdate()
    Document.objects.create(kind="privacy", version="1.1", effective_on=today, body="<p>개정된 방침</p>")
    Document.objects.create(
        kind="privacy", version="2.0", effective_on=today + datetime.timedelta(days=7), body="<p>예고된 방침</p>"
    )
    page = client.get(reverse("pages:document", args=["privacy"])).content.decode()
    assert "개정된 방침" in page and "예고된 방침" not in page
    assert "버전 1.0 (시행일" in page  # the history links to the earlier version
    old = client.get(reverse("pages:document_version", args=["privacy", "1.0"])).content.decode()
    assert "이전 버전" in old and "제30조" in old
    assert client.get(reverse("pages:document_version", args=["privacy", "2.0"])).status_code == 404


def test_unknown_page_is_404(client):
    assert client.get("/page/nothing/").status_code == 404


def test_document_body_is_sanitised_on_save():
    document = Document.objects.create(
        kind="about",
        version="2.0",
        effective_on=timezone.localdate(),
        body='<p onclick="x()">안녕</p><script>alert(1)</script>',
    )
    assert document.body == "<p>안녕</p>"


@pytest.mark.parametrize("kind", FOOTER_PAGES)
def test_policy_pages_set_no_cookie_and_carry_no_csrf_token(client, kind):
    response = client.get(reverse("pages:document", args=[kind]))
    assert response.status_code == 200
    assert not response.cookies
    assert "csrfmiddlewaretoken" not in response.content.decode()


def count_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_policy_page_query_count_stays_flat_as_versions_grow(client):
    url = reverse("pages:document", args=["terms"])
    small = count_queries(client, url)
    start = timezone.localdate() - datetime.timedelta(days=400)
    Document.objects.bulk_create(
        Document(kind="terms", version=f"0.{n}", effective_on=start + datetime.timedelta(days=n), body="<p>옛 약관</p>")
        for n in range(1, 60)
    )
    assert count_queries(client, url) == small <= 4


def test_a_version_members_agreed_to_is_read_only_in_the_admin(client, django_user_model):
    terms = Document.objects.current("terms")
    admin = django_user_model.objects.create_superuser("chief", "chief@example.com", "correct-horse-battery")
    client.force_login(admin)
    url = reverse("admin:pages_document_change", args=[terms.pk])
    assert 'name="body"' in client.get(url).content.decode()
    member_signup(
        username="agreed",
        nickname="동의회원",
        email="a@example.com",
        password="correct-horse-battery",
        terms=terms,
        privacy=Document.objects.current("privacy"),
        marketing=False,
    )
    page = client.get(url).content.decode()
    assert 'name="body"' not in page
    assert client.post(reverse("admin:pages_document_delete", args=[terms.pk]), {"post": "yes"}).status_code == 403
    assert Document.objects.filter(pk=terms.pk).exists()


def test_site_settings_admin_edits_the_privacy_officer(client, django_user_model):
    admin = django_user_model.objects.create_superuser("chief", "chief@example.com", "correct-horse-battery")
    client.force_login(admin)
    page = client.get(reverse("admin:pages_sitesettings_change", args=[SiteSettings.load().pk])).content.decode()
    assert 'name="privacy_officer"' in page and 'name="privacy_contact"' in page
