"""Search finds 우리동네업소소개 listings as well as articles."""

import pytest
from django.urls import reverse

from tests.factories import make_listing

pytestmark = pytest.mark.django_db


def listing_names(response):
    return [listing.name for listing in response.context["listings"]]


def test_listings_match_name_summary_area_and_description(client):
    make_listing(name="금촌 손칼국수", summary="바지락 칼국수 전문", area="금촌동")
    make_listing(name="운정 꽃집", description="주말마다 칼국수 봉사를 한다", area="운정동")
    make_listing(name="문산 철물점", area="문산읍")
    response = client.get(reverse("search:search"), {"q": "칼국수"})
    assert sorted(listing_names(response)) == ["금촌 손칼국수", "운정 꽃집"]
    assert "우리동네 업소" in response.content.decode()
    assert listing_names(client.get(reverse("search:search"), {"q": "금촌 칼국수"})) == ["금촌 손칼국수"]


def test_unpublished_listings_are_never_found(client):
    make_listing(name="준비 중인 빵집", is_published=False)
    assert listing_names(client.get(reverse("search:search"), {"q": "빵집"})) == []


def test_percent_and_underscore_in_a_query_match_only_themselves(client):
    make_listing(name="파주 100% 수제 두부")
    make_listing(name="파주 두부_공방")
    assert listing_names(client.get(reverse("search:search"), {"q": "100%"})) == ["파주 100% 수제 두부"]
    assert listing_names(client.get(reverse("search:search"), {"q": "두부_"})) == ["파주 두부_공방"]


def test_listing_names_are_highlighted_safely(client):
    make_listing(name="<b>굵은</b> 반찬가게")
    page = client.get(reverse("search:search"), {"q": "반찬"}).content.decode()
    assert "&lt;b&gt;굵은&lt;/b&gt; <mark>반찬</mark>가게" in page
