import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from pages.models import SiteSettings

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    site = SiteSettings.load()
    site.publisher = "최한결"
    site.editor = "정다온"
    site.youth_officer = "정다온"
    site.phone = "031-000-0000"
    site.address = "경기도 파주시 금정로 00"
    site.business_number = "000-00-00000"
    site.registration_number = "경기 아00000"
    site.registered_on = datetime.date(2020, 3, 2)
    site.copyright_start_year = 2020
    site.save()
    return site


def test_article_page_has_the_reference_anatomy(client, site, make_article):
    published_at = timezone.make_aware(datetime.datetime(2021, 7, 17, 13, 33))
    article = make_article(title="파주 문산천 정화 활동", subtitle="주민 200명 참여", published_at=published_at)
    page = client.get(article.get_absolute_url()).content.decode()
    crumbs = page[page.index('aria-label="현재 위치"') :]
    crumbs = crumbs[: crumbs.index("</nav>")]
    assert [label for label in ("홈", "퍼스트뉴스", "파주뉴스") if f">{label}</a>" in crumbs] == [
        "홈",
        "퍼스트뉴스",
        "파주뉴스",
    ]
    assert crumbs.count("파주뉴스") == 1  # no repetition
    assert '<h1 class="story__title" id="story-title">파주 문산천 정화 활동</h1>' in page
    assert "주민 200명 참여" in page
    assert "작성자 " in page and "김파주 기자" in page
    assert "작성일 <time" in page and ">2021.07.17 13:33</time>" in page  # full year, KST
    assert "수정 <time" in page  # edited after publication (the factory saves it now)
    assert "댓글 0" in page
    assert "퍼스트신문 / 파주뉴스" not in page  # no separate source line
    assert "저작권자 © 퍼스트신문 무단전재 및 재배포 금지" in page
    assert "퍼스트뉴스</a> 최신 기사" in page
    assert page.count("<h1") == 1


def test_article_nav_shows_the_current_groups_sections(client, make_article):
    page = client.get(make_article().get_absolute_url()).content.decode()
    for label in ("파주뉴스", "교육/사회복지", "문화/스포츠뉴스", "치안/안보/소방", "나눔/단체", "동영상뉴스"):
        assert f">{label}</a>" in page
    assert ">시의회</a>" in page  # the footer's full menu
    assert 'aria-current="page">파주뉴스</a>' in page


def test_group_latest_lists_eight_newest_of_the_group_without_the_article_itself(client, make_article):
    articles = [make_article(section="safety" if i % 2 else "paju") for i in range(14)]
    page = client.get(articles[0].get_absolute_url()).content.decode()
    latest = page[page.index("퍼스트뉴스</a> 최신 기사") :]
    latest = latest[: latest.index("</ul>")]
    assert latest.count("<li>") == 8
    assert articles[0].title + "<" not in latest
    assert articles[1].title in latest


def test_previous_and_next_article_stay_in_the_section(client, make_article):
    hours_ago = lambda hours: timezone.now() - datetime.timedelta(hours=hours)  # noqa: E731
    older = make_article(title="먼저 나온 기사", published_at=hours_ago(3))
    middle = make_article(title="가운데 기사", published_at=hours_ago(2))
    make_article(title="다른 섹션 기사", section="safety", published_at=hours_ago(1.5))
    newer = make_article(title="나중 기사", published_at=hours_ago(1))
    page = client.get(middle.get_absolute_url()).content.decode()
    siblings = page[page.index('aria-label="이전·다음 기사"') :]
    siblings = siblings[: siblings.index("</nav>")]
    assert f'이전 기사</span> <a href="{older.get_absolute_url()}">먼저 나온 기사' in siblings
    assert f'다음 기사</span> <a href="{newer.get_absolute_url()}">나중 기사' in siblings
    assert "다른 섹션 기사" not in siblings


def test_footer_shows_the_papers_legal_information(client, site, frozen_now):
    page = client.get(reverse("articles:home")).content.decode()
    for text in (
        "발행인 최한결",
        "편집인 정다온",
        "청소년보호책임자 정다온",
        "TEL 031-000-0000",
        "주소 경기도 파주시 금정로 00",
        "사업자등록번호 000-00-00000",
        "신문사업등록번호 경기 아00000",
        "등록일 2020년 03월 02일",
        "Copyright © 2020–",
    ):
        assert text in page
    assert '퍼스트신문 - 미래가치를 추구하는 <time datetime="2026-11-18">2026년 11월 18일</time>' in page


def test_site_settings_changes_show_without_restart(client, site):
    site.publisher = "새발행인"
    site.save()
    assert "발행인 새발행인" in client.get(reverse("articles:home")).content.decode()


def test_home_has_top_story_group_blocks_video_and_most_read(client, make_article, image_upload):
    make_article(title="사진 있는 머리기사", photo=image_upload(), photo_alt="임진각 평화누리")
    make_article(title="시정 기사", section="city-hall")
    make_article(title="인터뷰 기사", section="politicians")
    make_article(title="영상 기사", section="video", video_url="https://youtu.be/aqz-KE-bpKQ")
    make_article(title="많이 읽힌 기사", view_count=9999)
    page = client.get(reverse("articles:home")).content.decode()
    assert 'id="topstory-title"><a href' in page and "사진 있는 머리기사" in page
    for heading in (
        ">퍼스트뉴스</a></h2>",
        ">시정</a></h2>",
        ">인터뷰</a></h2>",
        "동영상뉴스</h2>",
        "많이 본 뉴스</h2>",
    ):
        assert heading in page
    most_read = page[page.index("많이 본 뉴스</h2>") :]
    assert most_read.index("많이 읽힌 기사") < most_read.index("</ol>")
    assert page.count("<h1") == 1


def test_section_list_shows_thumbnail_title_summary_date_and_reporter(client, make_article):
    make_article(title="교하 도서관 개관", summary="교하에 새 도서관이 문을 열었다.")
    page = client.get(reverse("articles:section", args=["news", "paju"])).content.decode()
    assert "교하 도서관 개관" in page and "교하에 새 도서관이 문을 열었다." in page
    assert "김파주 기자" in page and "<time datetime=" in page


def test_korean_pagination_shows_blocks_of_ten(client, make_article):
    for _ in range(21 * 15 + 1):
        make_article()
    page = client.get(reverse("articles:section", args=["news", "paju"]) + "?page=12").content.decode()
    assert 'href="?page=1">처음' in page
    assert 'href="?page=10">이전' in page  # the previous block's last page
    assert 'href="?page=21">다음' in page  # the next block's first page
    assert 'href="?page=22">맨끝' in page
    numbers = [n for n in range(1, 23) if f'href="?page={n}"><span' in page or f'href="?page={n}" aria-current' in page]
    assert numbers == list(range(11, 21))
    assert 'aria-current="page" class="is-current"><span class="visually-hidden">현재 페이지 </span>12' in page


def test_out_of_range_page_is_404_in_the_sites_design(client):
    response = client.get(reverse("articles:section", args=["news", "paju"]) + "?page=99")
    assert response.status_code == 404
    assert "페이지를 찾을 수 없습니다" in response.content.decode()


@pytest.mark.parametrize(
    ("group", "section"),
    [("news", "nowhere"), ("nowhere", "paju"), ("city", "paju"), ("directory", "food")],
    ids=["unknown section", "unknown group", "section of another group", "the directory's group"],
)
def test_unknown_groups_and_sections_are_404(client, group, section):
    """Groups and sections are looked up in the cached menu: only article groups and their own sections."""
    group_found = group in ("news", "city")
    assert client.get(reverse("articles:group", args=[group])).status_code == (200 if group_found else 404)
    assert client.get(reverse("articles:section", args=[group, section])).status_code == 404


def test_reporter_page_lists_name_email_and_published_articles(client, reporter, make_article):
    make_article(title="기자 페이지에 보일 기사")
    make_article(title="초고", status=Article.Status.DRAFT)
    page = client.get(reverse("articles:reporter", args=[reporter.username])).content.decode()
    assert "김파주 기자" in page and "reporter@example.com" in page
    assert "기자 페이지에 보일 기사" in page and "초고" not in page
    assert "작성한 기사 1건" in page


def test_members_have_no_reporter_page(client, member):
    assert client.get(reverse("articles:reporter", args=[member.username])).status_code == 404


def test_directory_is_in_the_menu(client):
    page = client.get(reverse("articles:home")).content.decode()
    assert f'href="{reverse("directory:index")}">우리동네업소소개</a>' in page
    assert client.get(reverse("directory:index")).status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/section/news/",
        "/section/news/paju/",
        "article",
        "/reporter/reporter/",
        "/search/?q=파주",
        "/directory/",
        "/epaper/",
        "/page/privacy/",
        "/contact/tip/",
        "/accounts/login/",
        "/no-such-page/",
    ],
)
def test_every_page_has_the_papers_header_menu_and_footer(client, site, make_article, url):
    article = make_article()
    page = client.get(article.get_absolute_url() if url == "article" else url).content.decode()
    for label in ("회원 로그인", "회원 가입", "지역퍼스트 신문보기", ">퍼스트뉴스</a>", ">시정</a>", ">인터뷰</a>"):
        assert label in page, label
    for label in (
        "회사소개",
        "회원가입약관",
        "개인정보처리방침",
        "청소년보호정책",
        "이메일주소 무단수집거부",
        "기사제보",
        "광고안내/신청",
    ):
        assert f">{label}<" in page or f"<strong>{label}</strong>" in page, label
    assert "발행인 최한결" in page and "청소년보호책임자 정다온" in page
    assert "손님 : " in page and " 명 | 회원 : " in page
    assert page.count("<h1") == 1


def test_a_server_error_shows_the_sites_own_page(client, monkeypatch):
    from articles import views

    def broken(*args, **kwargs):
        raise RuntimeError("데이터베이스가 응답하지 않음")

    monkeypatch.setattr(views.HomeView, "get_context_data", broken)
    client.raise_request_exception = False
    response = client.get("/")
    assert response.status_code == 500
    page = response.content.decode()
    assert "일시적인 오류가 발생했습니다" in page and "퍼스트신문" in page
    assert "RuntimeError" not in page and "데이터베이스가 응답하지 않음" not in page


def test_video_article_embeds_youtube_privately_with_a_title(client, make_article):
    article = make_article(
        title="임진각 드론 영상", section="video", video_url="https://www.youtube.com/watch?v=aqz-KE-bpKQ"
    )
    page = client.get(article.get_absolute_url()).content.decode()
    assert 'src="https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ"' in page
    assert 'title="임진각 드론 영상 동영상"' in page


@pytest.mark.parametrize(
    "url",
    ["/", "/section/news/", "/section/news/paju/", "/directory/", "/no-such-page/"],
)
def test_anonymous_pages_set_no_cookie_and_carry_no_csrf_token(client, make_article, url):
    make_article()
    response = client.get(url)
    assert not response.cookies
    assert "csrfmiddlewaretoken" not in response.content.decode()


def test_anonymous_article_page_sets_no_cookie(client, make_article):
    response = client.get(make_article().get_absolute_url())
    assert not response.cookies
