"""What readers see of the newsroom: embargo on every page, corrections, bylines, tags, pins, 속보."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.front_page import HOME_BLOCK_SIZE
from articles.models import Article, BreakingNews, Byline, Correction, FrontPagePin, Group, ReporterProfile, Tag

pytestmark = pytest.mark.django_db

EMBARGO = datetime.datetime(2030, 5, 4, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture
def embargoed(make_article, other_reporter):
    """An article due at EMBARGO, tagged, with a co-reporter and a correction, pinned and linked from 속보."""
    tag = Tag.objects.create(name="엠바고")
    article = make_article(title="정각에 풀리는 기사", published_at=EMBARGO)
    article.tags.add(tag)
    Byline.objects.create(article=article, reporter=other_reporter)
    Correction.objects.create(article=article, text="엠바고 기사 정정문", created_at=EMBARGO)
    FrontPagePin.objects.create(slot=FrontPagePin.Slot.HEADLINE, article=article)
    neighbour = make_article(title="먼저 나온 이웃 기사", published_at=EMBARGO - datetime.timedelta(days=1))
    neighbour.tags.add(tag)
    BreakingNews.objects.create(
        text="속보 문구",
        article=article,
        starts_at=EMBARGO - datetime.timedelta(hours=1),
        expires_at=EMBARGO + datetime.timedelta(hours=1),
    )
    return article


def public_pages(article):
    return [
        reverse("articles:home"),
        reverse("articles:group", args=["news"]),
        reverse("articles:section", args=["news", "paju"]),
        reverse("articles:reporter", args=["reporter"]),
        reverse("articles:reporter", args=["reporter2"]),
        reverse("articles:tag", args=["엠바고"]),
        reverse("articles:corrections"),
        Article.objects.get(title="먼저 나온 이웃 기사").get_absolute_url(),  # related and latest lists
        # feeds and search decide at request time too (the sitemaps are cached for up to 10 minutes:
        # an article may reach them that much later, never earlier)
        reverse("articles:feed"),
        reverse("articles:group_feed", args=["news"]),
        reverse("articles:section_feed", args=["news", "paju"]),
        reverse("articles:reporter_feed", args=["reporter"]),
        reverse("articles:tag_feed", args=["엠바고"]),
        reverse("search:search") + "?q=정각에",
    ]


def test_scheduled_article_is_invisible_a_second_before_its_time_and_visible_at_it(client, embargoed, monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: EMBARGO - datetime.timedelta(seconds=1))
    assert client.get(embargoed.get_absolute_url()).status_code == 404
    for url in public_pages(embargoed):
        page = client.get(url).content.decode()
        assert "정각에 풀리는 기사" not in page, url
        assert "엠바고 기사 정정문" not in page, url
        assert embargoed.get_absolute_url() not in page, url

    monkeypatch.setattr(timezone, "now", lambda: EMBARGO)
    assert client.get(embargoed.get_absolute_url()).status_code == 200
    for url in public_pages(embargoed):
        page = client.get(url).content.decode()
        assert embargoed.get_absolute_url() in page, url


def test_breaking_bar_links_an_embargoed_article_only_once_it_is_out(client, embargoed, monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: EMBARGO - datetime.timedelta(seconds=1))
    page = client.get(reverse("articles:corrections")).content.decode()
    assert "속보 문구" in page and embargoed.get_absolute_url() not in page
    monkeypatch.setattr(timezone, "now", lambda: EMBARGO)  # same cache entry, checked again at request time
    page = client.get(reverse("articles:corrections")).content.decode()
    assert f'<a href="{embargoed.get_absolute_url()}">속보 문구</a>' in page


def test_breaking_bar_appears_until_it_expires_and_never_when_taken_down(client, monkeypatch):
    now = timezone.now()
    item = BreakingNews.objects.create(text="임진강 수위 경계 단계", expires_at=now + datetime.timedelta(minutes=30))
    page = client.get("/").content.decode()
    assert "임진강 수위 경계 단계" in page and "속보 닫기" in page and "일시정지" in page
    monkeypatch.setattr(timezone, "now", lambda: now + datetime.timedelta(minutes=30))
    assert "임진강 수위 경계 단계" not in client.get("/").content.decode()
    monkeypatch.undo()
    item.is_active = False
    item.save()
    assert "임진강 수위 경계 단계" not in client.get("/").content.decode()


def test_anonymous_pages_with_the_newsroom_blocks_set_no_cookie_and_no_csrf_token(client, embargoed, monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: EMBARGO)
    for url in [*public_pages(embargoed), embargoed.get_absolute_url()]:
        response = client.get(url)
        assert not response.cookies, url
        assert "csrfmiddlewaretoken" not in response.content.decode(), url


def test_corrections_show_at_the_top_of_the_article_and_on_the_corrections_page(client, make_article):
    article = make_article(title="정정된 기사")
    Correction.objects.create(article=article, kind=Correction.Kind.CORRECTION, text="행사 날짜를 12일로 바로잡습니다.")
    Correction.objects.create(article=article, kind=Correction.Kind.UPDATE, text="시 관계자 발언을 더했습니다.")
    hidden = make_article(title="초고", status=Article.Status.DRAFT)
    Correction.objects.create(article=hidden, text="아직 공개되지 않은 정정")
    page = client.get(article.get_absolute_url()).content.decode()
    notice = page.index("행사 날짜를 12일로 바로잡습니다.")
    assert notice < page.index('id="story-title"') and page.index("시 관계자 발언을 더했습니다.") < page.index(
        'id="story-title"'
    )
    assert ">정정</strong>" in page and ">수정</strong>" in page
    listing = client.get(reverse("articles:corrections")).content.decode()
    assert "행사 날짜를 12일로 바로잡습니다." in listing and "정정된 기사" in listing
    assert "아직 공개되지 않은 정정" not in listing


def test_article_byline_names_every_reporter_with_roles_and_links_their_pages(
    client, make_article, reporter, other_reporter
):
    article = make_article()
    Byline.objects.create(article=article, reporter=other_reporter, role="사진")
    Byline.objects.create(article=article, reporter=reporter, role="글")
    page = client.get(article.get_absolute_url()).content.decode()
    assert (
        '<a href="/reporter/reporter/">김파주 기자(글)</a>, <a href="/reporter/reporter2/">이운정 기자(사진)</a>'
        in page
    )


def test_reporter_page_shows_profile_and_articles_they_share_a_byline_on(
    client, make_article, reporter, other_reporter, image_upload
):
    ReporterProfile.objects.create(
        user=other_reporter,
        title="사진기자",
        bio="파주 접경지역의 풍경을 10년째 찍고 있습니다.",
        photo=image_upload("face.png", size=(300, 300)),
        photo_alt="이운정 기자 얼굴 사진",
    )
    shared = make_article(title="함께 쓴 기사")
    Byline.objects.create(article=shared, reporter=other_reporter, role="사진")
    make_article(title="혼자 쓴 기사")
    make_article(title="함께 쓴 초고", status=Article.Status.DRAFT, reporter=other_reporter)
    page = client.get(reverse("articles:reporter", args=["reporter2"])).content.decode()
    page = page.split('class="layout__aside sidebar"')[0]  # the sidebar lists other articles
    assert "이운정 기자" in page and "사진기자" in page
    assert "파주 접경지역의 풍경을 10년째 찍고 있습니다." in page
    assert 'alt="이운정 기자 얼굴 사진"' in page
    assert "mailto:reporter2@example.com" in page
    assert "함께 쓴 기사" in page
    assert "혼자 쓴 기사" not in page and "함께 쓴 초고" not in page


def test_tag_page_lists_published_articles_with_that_tag(client, make_article):
    tag = Tag.objects.create(name="운정 호수공원")
    assert tag.slug == "운정-호수공원"
    tagged = make_article(title="태그 단 기사")
    draft = make_article(title="태그 단 초고", status=Article.Status.DRAFT)
    tag.articles.add(tagged, draft)
    make_article(title="태그 없는 기사")
    page = client.get(tag.get_absolute_url()).content.decode()
    page = page.split('class="layout__aside sidebar"')[0]  # the sidebar lists other articles
    assert "<h1" in page and "#운정 호수공원" in page
    assert "태그 단 기사" in page
    assert "태그 단 초고" not in page and "태그 없는 기사" not in page
    assert client.get(reverse("articles:tag", args=["없는-태그"])).status_code == 404


def test_related_articles_put_shared_tags_first_then_same_section_newest_first(client, make_article):
    now = timezone.now()
    flood, river = Tag.objects.create(name="홍수"), Tag.objects.create(name="임진강")
    article = make_article(title="본 기사", section="paju")
    article.tags.add(flood, river)

    def at(days, **fields):
        return make_article(published_at=now - datetime.timedelta(days=days), **fields)

    both = at(9, title="두 태그 공유", section="city-hall")
    both.tags.add(flood, river)
    one_old, one_new = (
        at(8, title="한 태그 옛 기사", section="safety"),
        at(2, title="한 태그 새 기사", section="safety"),
    )
    one_old.tags.add(flood)
    one_new.tags.add(river)
    at(1, title="같은 섹션 새 기사", section="paju")
    at(5, title="같은 섹션 옛 기사", section="paju")
    at(0, title="상관없는 기사", section="city-council")
    hidden = make_article(title="태그 공유 초고", status=Article.Status.DRAFT)
    hidden.tags.add(flood, river)

    page = client.get(article.get_absolute_url()).content.decode()
    related = page[page.index('id="related-title"') :]
    related = related[: related.index("</section>")]
    order = ["두 태그 공유", "한 태그 새 기사", "한 태그 옛 기사", "같은 섹션 새 기사", "같은 섹션 옛 기사"]
    positions = [related.index(title) for title in order]
    assert positions == sorted(positions)
    assert "상관없는 기사" not in related and "태그 공유 초고" not in related
    assert '<a href="/tag/%ED%99%8D%EC%88%98/">#홍수</a>' in page


def test_front_page_follows_pins_in_order_and_fills_the_rest_with_the_newest(client, make_article):
    old_top = make_article(title="고정한 머리기사", published_at=timezone.now() - datetime.timedelta(days=3))
    second, first = make_article(title="둘째 주요 기사"), make_article(title="첫째 주요 기사")
    pick = make_article(
        title="인터뷰 추천", section="artists", published_at=timezone.now() - datetime.timedelta(days=9)
    )
    for number in range(8):
        make_article(title=f"인터뷰 새 기사 {number}", section="politicians")
    newest = make_article(title="가장 새 기사", published_at=timezone.now())
    unpublished = make_article(title="고정했지만 초고", status=Article.Status.DRAFT)
    FrontPagePin.objects.create(slot=FrontPagePin.Slot.TOP, article=old_top)
    FrontPagePin.objects.create(slot=FrontPagePin.Slot.TOP, article=unpublished, order=0)
    FrontPagePin.objects.create(slot=FrontPagePin.Slot.HEADLINE, article=first, order=1)
    FrontPagePin.objects.create(slot=FrontPagePin.Slot.HEADLINE, article=second, order=2)
    FrontPagePin.objects.create(slot=FrontPagePin.Slot.GROUP, group=Group.objects.get(slug="interview"), article=pick)
    response = client.get("/")
    context = response.context
    assert context["top_story"] == old_top
    assert context["headlines"][:3] == [first, second, newest]
    interview = dict(context["group_blocks"])[Group.objects.get(slug="interview")]
    assert interview[0] == pick and len(interview) == HOME_BLOCK_SIZE
    assert "고정했지만 초고" not in response.content.decode()


def test_without_pins_the_newest_articles_fill_the_front_page(client, make_article):
    articles = [make_article(title=f"새 기사 {n}") for n in range(4)]
    context = client.get("/").context
    assert context["top_story"] == articles[0]
    assert context["headlines"][:3] == articles[1:]


def test_a_group_pick_must_be_an_article_of_that_group(make_article):
    from django.core.exceptions import ValidationError

    pin = FrontPagePin(slot=FrontPagePin.Slot.GROUP, group=Group.objects.get(slug="interview"), article=make_article())
    with pytest.raises(ValidationError, match="고른 묶음에 속한 기사"):
        pin.full_clean()


def test_tag_page_lists_the_tags_articles_by_date_not_by_id_across_pages(client, make_article, monkeypatch):
    from articles.views import TagView

    monkeypatch.setattr(TagView, "paginate_by", 2)
    tag = Tag.objects.create(name="임진각")
    now = timezone.now()
    dates = [3, 1, 4, 2]  # days ago, in the order the articles are made
    made = [
        make_article(title=f"태그 기사 {days}일 전", published_at=now - datetime.timedelta(days=days)) for days in dates
    ]
    scheduled = make_article(title="예약된 태그 기사", published_at=now + datetime.timedelta(days=1))
    tag.articles.add(*made, scheduled)
    make_article(title="태그 없는 새 기사")

    def listed(page):
        response = client.get(tag.get_absolute_url(), {"page": page})
        return [article.title for article in response.context["articles"]], response.context["paginator"].count

    assert listed(1) == (["태그 기사 1일 전", "태그 기사 2일 전"], 4)
    assert listed(2) == (["태그 기사 3일 전", "태그 기사 4일 전"], 4)


@pytest.mark.parametrize("list_name", ["group", "section"])
def test_a_list_count_is_kept_in_the_cache_until_the_content_changes(client, make_article, list_name):
    from django.core.cache import cache

    first = make_article(title="목록 기사 하나")
    section = first.section
    args = [section.group.slug] + ([section.slug] if list_name == "section" else [])
    url = reverse(f"articles:{list_name}", args=args)
    key = f"list-count:{url}"

    def count():
        return client.get(url, {"_": timezone.now().timestamp()}).context["paginator"].count

    assert count() == 1
    generation, expires, found = cache.get(key)
    cache.set(key, (generation, expires, 7))  # what the page counts now comes from the cache
    assert count() == 7
    make_article(title="목록 기사 둘", section=section.slug)  # a saved article moves the content generation
    assert count() == 2
