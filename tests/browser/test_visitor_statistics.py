import io

import pytest
from playwright.sync_api import expect

from visitors import demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_admin_sees_the_visitor_chart_and_readers_see_the_footer_figures(
    live_server, page, screenshot, django_user_model, make_article
):
    for number in range(5):
        make_article(title=f"파주 생활 소식 {number}")
    demo.seed(io.StringIO())
    django_user_model.objects.create_superuser("boss", "boss@example.com", "correct-horse-battery")
    page.goto(live_server.url + "/admin/login/?next=/admin/visitors/dailyvisits/")
    page.get_by_label("사용자 이름").fill("boss")
    page.get_by_label("비밀번호").fill("correct-horse-battery")
    page.get_by_role("button", name="로그인").click()
    chart = page.get_by_role("img", name="최근 30일 일별 방문자 수 막대그래프")
    expect(chart).to_be_visible()
    assert chart.locator("rect.bar").count() == 30
    expect(page.get_by_role("heading", name="유입 도메인 (최근 30일)")).to_be_visible()
    expect(page.get_by_role("cell", name="search.naver.com", exact=True)).to_be_visible()
    screenshot(page, "admin-visitor-statistics")

    page.goto(live_server.url + "/")
    visits = page.locator(".sitefooter__visits")
    assert "오늘" in visits.inner_text() and "최대" in visits.inner_text()
    page.locator(".sitefooter").scroll_into_view_if_needed()
    screenshot(page, "footer-visitors", full_page=False)
