"""A reader searches from the header box and reads highlighted results, on a phone and on a desktop."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_reader_searches_a_two_syllable_word_from_the_header(page, live_server, screenshot, make_article):
    make_article(title="금촌 야시장 개장…지역 경제에 온기", summary="원도심 상권 경제 회복 기대")
    make_article(title="장단콩 축제 개막")
    page.goto(live_server.url)
    page.get_by_label("기사 검색어").fill("경제")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=*")
    expect(page.locator("h1")).to_have_text("‘경제’ 검색 결과")
    assert page.locator(".search__results .item").count() == 1
    expect(page.locator(".search__results mark").first).to_have_text("경제")
    screenshot(page, "search-results-desktop")
    page.set_viewport_size({"width": 320, "height": 740})
    page.get_by_label("검색어", exact=True).fill("경")
    page.get_by_role("button", name="검색").last.click()
    assert "두 글자 이상" in page.locator("#q-error").inner_text()
    screenshot(page, "search-short-query-320")
