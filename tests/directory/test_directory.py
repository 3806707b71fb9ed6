import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.models import Section
from directory.models import Listing
from tests.factories import make_listing

pytestmark = pytest.mark.django_db


def test_index_shows_the_six_categories_with_counts_of_published_listings(client):
    make_listing("food")
    make_listing("food")
    make_listing("food", is_published=False)
    make_listing("medical")
    page = client.get(reverse("directory:index")).content.decode()
    for name in ("음식", "서비스", "판매", "의료", "교육", "매매"):
        assert name in page
    assert '음식</span> <span class="dircats__count">2곳' in page
    assert '의료</span> <span class="dircats__count">1곳' in page
    assert "우리동네 업소 소개 서비스를 준비하고 있습니다" not in page


def test_category_lists_its_published_listings_only(client):
    shown = make_listing("food", name="운정 손칼국수")
    make_listing("food", name="숨긴 가게", is_published=False)
    make_listing("medical", name="금촌 치과")
    response = client.get(reverse("directory:category", args=["food"]))
    page = response.content.decode()
    assert '<h1 class="pagetitle">음식</h1>' in page
    assert shown.get_absolute_url() in page
    assert "숨긴 가게" not in page
    assert "금촌 치과" not in page


def test_category_pages_split_into_pages_of_fifteen(client):
    for number in range(16):
        make_listing("retail", name=f"가게 {number:02d}")
    first = client.get(reverse("directory:category", args=["retail"])).content.decode()
    second = client.get(reverse("directory:category", args=["retail"]) + "?page=2").content.decode()
    assert "가게 14" in first and "가게 15" not in first
    assert "가게 15" in second
    assert "맨끝" in first


def test_unknown_category_and_article_sections_are_not_directory_pages(client):
    assert client.get(reverse("directory:category", args=["nowhere"])).status_code == 404
    assert client.get(reverse("directory:category", args=["paju"])).status_code == 404


def test_detail_shows_contact_details_and_map_links_built_from_the_address(client):
    listing = make_listing(
        "services",
        name="금촌 바른세탁",
        address="경기도 파주시 금정로 14 1층",
        phone="031-000-2201",
        hours="월~토 08:00~21:00",
        website="https://example.com/laundry",
        description="첫 문단\n\n둘째 문단",
    )
    page = client.get(listing.get_absolute_url()).content.decode()
    assert "<h1" in page and page.count("<h1") == 1
    assert "금촌 바른세탁" in page
    assert 'href="tel:0310002201"' in page
    assert "월~토 08:00~21:00" in page
    assert 'href="https://example.com/laundry"' in page
    encoded = (
        "%EA%B2%BD%EA%B8%B0%EB%8F%84%20%ED%8C%8C%EC%A3%BC%EC%8B%9C%20%EA%B8%88%EC%A0%95%EB%A1%9C%2014%201%EC%B8%B5"
    )
    assert f"https://map.naver.com/p/search/{encoded}" in page
    assert f"https://map.kakao.com/link/search/{encoded}" in page
    assert "<p>첫 문단</p>" in page and "<p>둘째 문단</p>" in page


def test_map_links_cannot_be_bent_by_the_address(client):
    listing = make_listing(address='파주시 "/><script>x</script>?a=1&b=2#frag')
    assert listing.naver_map_url.startswith("https://map.naver.com/p/search/")
    assert "/" not in listing.naver_map_url.removeprefix("https://map.naver.com/p/search/")
    assert "?" not in listing.kakao_map_url and "#" not in listing.kakao_map_url
    page = client.get(listing.get_absolute_url()).content.decode()
    assert "<script>x</script>" not in page


def test_hostile_text_in_a_listing_is_shown_as_text(client):
    listing = make_listing(
        name="<b>굵게</b>", summary="<img src=x onerror=alert(1)>", description="<script>alert(1)</script>"
    )
    page = client.get(listing.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page
    assert "<img src=x" not in page
    assert "<b>굵게</b>" not in page


def test_unpublished_listing_is_not_found(client):
    listing = make_listing(is_published=False)
    assert client.get(listing.get_absolute_url()).status_code == 404


def test_paid_listings_are_labelled_advertising_in_list_and_detail(client):
    paid = make_listing("food", name="문산 장터국밥", is_paid=True)
    free = make_listing("food", name="운정 손칼국수")
    listing_page = client.get(reverse("directory:category", args=["food"])).content.decode()
    assert listing_page.count('<span class="adlabel">광고</span>') == 1
    paid_row = listing_page.split("문산 장터국밥")[1].split("</h2>")[0]
    assert "광고" in paid_row
    assert "광고" in client.get(paid.get_absolute_url()).content.decode().split("<h1")[0].split("place__header")[1]
    assert "유료 게재입니다" not in client.get(free.get_absolute_url()).content.decode()


def test_search_by_name_by_area_and_by_both(client):
    make_listing(name="운정 손칼국수", area="운정동")
    make_listing(name="문산 칼국수", area="문산읍", address="경기도 파주시 문산읍 문향로 1")
    make_listing(name="문산 장터국밥", area="문산읍", address="경기도 파주시 문산읍 문향로 2")
    make_listing(name="숨은 칼국수", area="운정동", is_published=False)
    url = reverse("directory:search")

    by_name = client.get(url, {"q": "칼국수"}).content.decode()
    assert "운정 손칼국수" in by_name and "문산 칼국수" in by_name
    assert "문산 장터국밥" not in by_name and "숨은 칼국수" not in by_name
    assert "검색 결과 2곳" in by_name

    by_area = client.get(url, {"area": "문산"}).content.decode()
    assert "문산 칼국수" in by_area and "문산 장터국밥" in by_area and "운정 손칼국수" not in by_area

    both = client.get(url, {"q": "칼국수", "area": "문산"}).content.decode()
    assert "문산 칼국수" in both and "운정 손칼국수" not in both and "장터국밥" not in both


def test_search_keeps_what_was_typed_and_says_when_nothing_matches(client):
    page = client.get(reverse("directory:search"), {"q": "없는가게", "area": "교하"}).content.decode()
    assert 'value="없는가게"' in page and 'value="교하"' in page
    assert "찾는 업소가 없습니다" in page
    empty = client.get(reverse("directory:search")).content.decode()
    assert "업소 이름이나 동네를 입력하세요" in empty


def test_hostile_search_input_is_escaped_and_cut_to_length(client):
    page = client.get(reverse("directory:search"), {"q": '"><script>alert(1)</script>' + "가" * 200}).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&quot;&gt;&lt;script&gt;" in page
    assert "가" * 51 not in page


def test_directory_pages_set_no_cookie_and_carry_no_csrf_token(client):
    listing = make_listing()
    for url in (
        reverse("directory:index"),
        reverse("directory:category", args=["food"]),
        reverse("directory:search") + "?q=가게",
        listing.get_absolute_url(),
    ):
        response = client.get(url)
        assert response.status_code == 200
        assert not response.cookies, url
        assert "csrfmiddlewaretoken" not in response.content.decode(), url


def test_photos_get_renditions_and_alt_text_on_list_and_detail(client):
    listing = make_listing(photo=True, name="사진 있는 가게")
    photo = listing.photos.get()
    assert set(photo.renditions) >= {"thumb", "thumb2x", "medium", "large"}
    listing_page = client.get(reverse("directory:category", args=["food"])).content.decode()
    assert photo.rendition("thumb")[0] in listing_page
    detail = client.get(listing.get_absolute_url()).content.decode()
    assert 'alt="사진 있는 가게 가게 모습"' in detail
    assert photo.rendition("medium")[0] in detail


def test_home_page_shows_the_newest_listings_and_follows_edits(client):
    older = make_listing(name="오래된 가게")
    newest = make_listing(name="새로 연 가게", is_paid=True)
    make_listing(name="숨긴 가게", is_published=False)
    page = client.get(reverse("articles:home")).content.decode()
    block = page.split('id="block-directory"')[1].split("</section>")[0]
    assert "새로 연 가게" in block and "오래된 가게" in block and "숨긴 가게" not in block
    assert block.index("새로 연 가게") < block.index("오래된 가게")
    assert '<span class="adlabel">광고</span>' in block
    older.name = "이름 바꾼 가게"
    older.save()
    assert "이름 바꾼 가게" in client.get(reverse("articles:home")).content.decode()
    newest.is_published = False
    newest.save()
    assert "새로 연 가게" not in client.get(reverse("articles:home")).content.decode()


def test_home_page_has_no_directory_block_without_listings(client):
    assert 'id="block-directory"' not in client.get(reverse("articles:home")).content.decode()


def test_editor_adds_a_listing_with_a_photo_in_the_admin(client, editor, image_upload):
    client.force_login(editor)
    food = Section.objects.get(slug="food")
    response = client.post(
        reverse("admin:directory_listing_add"),
        {
            "category": food.pk,
            "name": "교하 새 식당",
            "summary": "한 줄 소개",
            "description": "소개글",
            "area": "교하동",
            "address": "경기도 파주시 교하로 1",
            "phone": "031-000-0000",
            "hours": "",
            "website": "",
            "is_published": "on",
            "photos-TOTAL_FORMS": "1",
            "photos-INITIAL_FORMS": "0",
            "photos-0-image": image_upload(),
            "photos-0-alt": "식당 입구",
            "photos-0-order": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    listing = Listing.objects.get(name="교하 새 식당")
    assert listing.photos.get().renditions["thumb"]


def test_admin_refuses_article_sections_and_files_that_are_not_images(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("admin:directory_listing_add"),
        {
            "category": Section.objects.get(slug="paju").pk,
            "name": "엉뚱한 가게",
            "summary": "한 줄",
            "description": "소개",
            "area": "운정동",
            "address": "경기도 파주시",
            "photos-TOTAL_FORMS": "1",
            "photos-INITIAL_FORMS": "0",
            "photos-0-image": SimpleUploadedFile("photo.jpg", b"<html><script>alert(1)</script>", "image/jpeg"),
            "photos-0-alt": "가짜 사진",
            "photos-0-order": "0",
        },
    )
    assert response.status_code == 200
    assert "category" in response.context["adminform"].form.errors
    assert not Listing.objects.filter(name="엉뚱한 가게").exists()
    photo_errors = response.context["inline_admin_formsets"][0].formset.errors[0]
    assert "image" in photo_errors
