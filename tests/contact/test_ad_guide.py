import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from contact.models import AdGuide
from contact.services import tip_create

pytestmark = pytest.mark.django_db

GUIDE_URL = "/contact/ads/guide/"


def test_guide_ships_with_products_sizes_prices_and_contact(client):
    response = client.get(GUIDE_URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert '<h1 class="pagetitle">광고안내</h1>' in html
    for text in ("상단 배너", "970 × 90", "월 60만 원", "기사형 광고", "지면 광고", "광고사업부 031-000-0000"):
        assert text in html
    assert 'href="/contact/ads/">온라인 광고신청</a>' in html


def test_guide_page_sets_no_cookie_and_has_no_csrf_token_so_it_can_be_cached(client):
    response = client.get(GUIDE_URL)
    assert not response.cookies
    assert "csrfmiddlewaretoken" not in response.content.decode()


def test_editor_changes_the_guide_and_script_is_stripped(client, editor):
    client.force_login(editor)
    response = client.post(
        "/admin/contact/adguide/1/change/",
        {
            "title": "광고안내",
            "intro": "새해 단가를 알려 드립니다.",
            "body": "<h2>새 상품</h2><p onclick='x()'>측면 배너 월 30만 원</p><script>alert(1)</script>",
            "contact": "광고팀 031-000-9999",
        },
    )
    assert response.status_code == 302
    client.logout()
    html = client.get(GUIDE_URL).content.decode()
    assert "<h2>새 상품</h2><p>측면 배너 월 30만 원</p>" in html
    assert "alert(1)" not in html and "onclick" not in html
    assert "광고팀 031-000-9999" in html


def test_guide_cannot_be_added_twice_or_deleted(client, editor):
    client.force_login(editor)
    assert client.get("/admin/contact/adguide/add/").status_code == 403
    assert client.get("/admin/contact/adguide/1/delete/").status_code == 403
    assert AdGuide.objects.count() == 1


def test_footer_links_to_both_forms(client):
    html = client.get("/").content.decode()
    assert '<a href="/contact/tip/">기사제보</a>' in html
    assert '<a href="/contact/ads/guide/">광고안내/신청</a>' in html


def count_queries(client, url):
    client.get(url)  # warm the caches, as a running site has them
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", [GUIDE_URL, "/contact/tip/", "/contact/ads/"])
def test_public_contact_pages_query_count_stays_flat_as_the_inbox_grows(client, url):
    small = count_queries(client, url)
    for number in range(40):
        tip_create(fields={"name": "", "phone": "", "email": "", "title": f"제보 {number}", "content": "내용"})
    assert count_queries(client, url) == small
