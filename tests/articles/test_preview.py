"""미리보기: the admin form's unsaved article in the reader's design: staff only, not saved, cached or counted."""

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from articles.models import Article, Revision
from tests.factories import article_form

pytestmark = pytest.mark.django_db


def preview(client, article=None, **fields):
    url = (
        reverse("admin:articles_article_preview_change", args=[article.pk])
        if article
        else reverse("admin:articles_article_preview")
    )
    return client.post(url, article_form(fields.pop("reporter"), **fields))


def test_the_desk_sees_the_unsaved_text_marked_as_preview_and_nothing_is_saved(client, editor, make_article):
    article = make_article(title="저장된 제목", body="<p>저장된 본문</p>")
    views = article.view_count
    client.force_login(editor)
    response = preview(
        client,
        article,
        reporter=editor,
        title="고친 제목",
        subtitle="새 부제",
        body="<h2>새 소제목</h2><p>고친 본문</p>",
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert '<h1 class="story__title" id="story-title">고친 제목</h1>' in page
    assert '<p class="story__subtitle">새 부제</p>' in page and "<h2>새 소제목</h2>" in page
    assert "<strong>미리보기</strong>" in page and "<title>[미리보기] 고친 제목" in page
    assert "정데스크 기자" in page  # the byline
    article.refresh_from_db()
    assert (article.title, article.body, article.view_count) == ("저장된 제목", "<p>저장된 본문</p>", views)
    assert not Revision.objects.exists()


def test_a_new_article_is_previewed_without_creating_it(client, reporter):
    client.force_login(reporter)
    response = preview(client, reporter=reporter, title="아직 없는 기사", byline="김파주 기자(글·사진)")
    assert response.status_code == 200
    assert "아직 없는 기사" in response.content.decode() and "김파주 기자(글·사진)" in response.content.decode()
    assert not Article.objects.exists()


def test_co_reporters_typed_into_the_form_show_on_the_byline(client, editor, other_reporter):
    client.force_login(editor)
    rows = {
        "bylines-TOTAL_FORMS": "1",
        "bylines-0-reporter": other_reporter.pk,
        "bylines-0-role": "사진",
        "bylines-0-order": "0",
    }
    page = preview(client, reporter=editor, **rows).content.decode()
    assert "이운정 기자(사진)" in page


def test_the_body_is_sanitised_as_a_save_would(client, editor):
    client.force_login(editor)
    body = '<p onclick="steal()">글</p><script>alert(1)</script><a href="javascript:alert(2)">링크</a><img src=x onerror=alert(3)>'
    page = preview(client, reporter=editor, body=body).content.decode()
    stored = Article(body=body)
    stored.sanitize_body()  # what a save stores (nh3 orders the attributes it adds freely)
    assert stored.body.startswith('<p>글</p><a rel="noopener">링크</a><img src="x"')
    assert '<p>글</p><a rel="noopener">링크</a><img src="x"' in page
    assert "steal()" not in page and "alert(" not in page and "javascript:" not in page


def test_not_cached_not_indexed_and_not_counted(client, editor, make_article, settings):
    settings.APP_PAGE_CACHE = True
    article = make_article()
    client.force_login(editor)
    cache.clear()
    response = preview(client, article, reporter=editor, title="캐시되면 안 되는 제목")
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "X-Page-Cache" not in response
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    page = response.content.decode()
    assert "visitors.js" not in page and reverse("visitors:beacon") not in page  # no visitor beacon at all
    assert 'type="application/ld+json"' not in page and 'property="og:title"' not in page
    # the public page still shows the stored title
    public = Client().get(article.get_absolute_url()).content.decode()
    assert "캐시되면 안 되는 제목" not in public


def test_the_reader_page_still_counts(client, make_article):
    """The beacon is only left out of the preview."""
    page = client.get(make_article().get_absolute_url()).content.decode()
    assert "visitors.js" in page


def test_only_a_post_with_the_forms_csrf_token(editor, make_article):
    article = make_article()
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(editor)
    url = reverse("admin:articles_article_preview_change", args=[article.pk])
    assert browser.get(url).status_code == 405
    assert browser.post(url, article_form(editor)).status_code == 403


def test_readers_and_other_reporters_cannot_preview(client, member, reporter, other_reporter, make_article):
    article = make_article(reporter=other_reporter, status=Article.Status.DRAFT)
    url = reverse("admin:articles_article_preview_change", args=[article.pk])
    response = client.post(url, article_form(reporter))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    client.force_login(member)
    response = client.post(reverse("admin:articles_article_preview"), article_form(reporter))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    client.force_login(reporter)
    assert client.post(url, article_form(reporter)).status_code == 404
    published = make_article(reporter=reporter)  # a reporter no longer changes a published article
    url = reverse("admin:articles_article_preview_change", args=[published.pk])
    assert client.post(url, article_form(reporter)).status_code == 403


def test_the_uploaded_lead_photo_is_shown(client, editor, make_article, image_upload):
    article = make_article(photo=image_upload(), photo_alt="호수공원 산책로")
    client.force_login(editor)
    page = preview(client, article, reporter=editor, photo_alt="호수공원 산책로").content.decode()
    assert 'alt="호수공원 산책로"' in page and article.rendition("medium")[0] in page
