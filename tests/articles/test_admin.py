import pytest
from django.urls import reverse

from articles.models import Article
from tests.factories import article_form

pytestmark = pytest.mark.django_db


def test_reporter_writes_a_draft_under_their_own_name(client, reporter, editor):
    client.force_login(reporter)
    response = client.post(reverse("admin:articles_article_add"), article_form(editor, status="review"))
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.reporter == reporter
    assert article.status == Article.Status.REVIEW


def test_reporter_cannot_publish(client, reporter):
    client.force_login(reporter)
    response = client.post(reverse("admin:articles_article_add"), article_form(reporter, status="published"))
    assert response.status_code == 200
    assert not Article.objects.exists()
    assert "올바르게 선택해 주세요" in response.content.decode() or "선택" in response.content.decode()


def test_reporter_form_offers_no_publish_choice(client, reporter):
    client.force_login(reporter)
    page = client.get(reverse("admin:articles_article_add")).content.decode()
    assert 'value="review"' in page
    assert 'value="published"' not in page


def test_reporter_cannot_see_or_edit_another_reporters_article(client, reporter, other_reporter, make_article):
    theirs = make_article(reporter=other_reporter, status=Article.Status.DRAFT, title="다른 기자의 초고")
    client.force_login(reporter)
    assert "다른 기자의 초고" not in client.get(reverse("admin:articles_article_changelist")).content.decode()
    change_url = reverse("admin:articles_article_change", args=[theirs.pk])
    assert client.get(change_url).status_code in (302, 403, 404)
    client.post(change_url, article_form(reporter, title="가로챈 제목"))
    theirs.refresh_from_db()
    assert theirs.title == "다른 기자의 초고"


def test_reporter_cannot_change_an_article_once_published(client, reporter, make_article):
    article = make_article(reporter=reporter, title="발행된 내 기사")
    client.force_login(reporter)
    client.post(
        reverse("admin:articles_article_change", args=[article.pk]), article_form(reporter, title="몰래 고친 제목")
    )
    article.refresh_from_db()
    assert article.title == "발행된 내 기사"


def test_editor_edits_and_publishes_any_article(client, editor, reporter, make_article):
    article = make_article(reporter=reporter, status=Article.Status.REVIEW, title="검토 기다리는 기사")
    client.force_login(editor)
    response = client.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        article_form(reporter, title="데스크가 다듬은 제목", status="published"),
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED
    assert article.title == "데스크가 다듬은 제목"
    assert article.reporter == reporter


def test_hostile_html_in_the_admin_body_is_stored_harmless(client, editor):
    client.force_login(editor)
    body = '<p>본문</p><script>alert(1)</script><img src=x onerror=alert(1)><a href="javascript:alert(1)">x</a>'
    client.post(reverse("admin:articles_article_add"), article_form(editor, body=body))
    stored = Article.objects.get().body
    assert "<p>본문</p>" in stored
    assert "script" not in stored and "onerror" not in stored and "javascript:" not in stored


def test_article_list_in_admin_does_not_grow_queries_with_rows(client, editor, make_article):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(editor)
    client.get(reverse("admin:articles_article_changelist"))  # warm the per-process caches
    counts = []
    for rows in (5, 40):
        while Article.objects.count() < rows:
            make_article()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("admin:articles_article_changelist")).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_reporter_cannot_delete_a_published_article_or_use_the_bulk_delete(client, reporter, make_article):
    published = make_article(reporter=reporter, title="발행된 내 기사")
    draft = make_article(reporter=reporter, status=Article.Status.DRAFT, title="내 초고")
    client.force_login(reporter)
    assert client.get(reverse("admin:articles_article_delete", args=[published.pk])).status_code == 403
    client.post(reverse("admin:articles_article_delete", args=[published.pk]), {"post": "yes"})
    assert Article.objects.filter(pk=published.pk).exists()
    changelist = client.get(reverse("admin:articles_article_changelist")).content.decode()
    assert 'value="delete_selected"' not in changelist
    client.post(reverse("admin:articles_article_delete", args=[draft.pk]), {"post": "yes"})
    assert not Article.objects.filter(pk=draft.pk).exists()


def test_reporter_opens_their_published_article_read_only(client, reporter, make_article):
    article = make_article(reporter=reporter, title="읽기만 하는 기사")
    client.force_login(reporter)
    response = client.get(reverse("admin:articles_article_change", args=[article.pk]))
    assert response.status_code == 200
    assert "읽기만 하는 기사" in response.content.decode()


def test_article_list_filters_reporters_among_staff_only_and_skips_full_counts(client, editor, member, make_article):
    make_article(title="목록 기사")
    client.force_login(editor)
    response = client.get(reverse("admin:articles_article_changelist"))
    page = response.content.decode()
    assert f"reporter__id__exact={editor.pk}" in page
    assert f"reporter__id__exact={member.pk}" not in page  # a reader who signed up is no reporter
    assert response.context["cl"].date_hierarchy is None  # no year list over every row
    assert not response.context["cl"].show_full_result_count


def test_admin_search_finds_published_articles_through_the_index_and_drafts_by_title(
    client, editor, make_article, settings
):
    published = make_article(title="운정 호수공원 정비", body="<p>산책로를 넓힌다</p>")
    draft = make_article(title="호수공원 초고", status=Article.Status.DRAFT)
    second_draft = make_article(title="둘째 초고", summary="호수공원 둘레길", status=Article.Status.REVIEW)
    make_article(title="다른 기사", body="<p>산책로 얘기는 없음</p>", status=Article.Status.DRAFT)
    make_article(title="관계없는 기사")
    client.force_login(editor)
    url = reverse("admin:articles_article_changelist")

    def found(query):
        return {row.pk for row in client.get(url, {"q": query}).context["cl"].result_list}

    assert found("호수공원") == {published.pk, draft.pk, second_draft.pk}
    assert found("초고") == {draft.pk, second_draft.pk}  # no published match: every draft that matches
    assert found("산책로를") == {published.pk}  # the body, through the search index (particle dropped)
    settings.ARTICLES_ADMIN_SEARCH = ""
    assert found("호수공원") == {published.pk, draft.pk, second_draft.pk}  # Django's own search


def test_an_overlong_body_is_refused_with_a_korean_message_and_nothing_saved(client, reporter):
    from articles.admin import BODY_MAX_LENGTH

    client.force_login(reporter)
    body = "<p>" + "가" * BODY_MAX_LENGTH + "</p>"
    response = client.post(reverse("admin:articles_article_add"), article_form(reporter, body=body))
    assert response.status_code == 200
    assert "본문이 너무 깁니다" in response.content.decode()
    assert not Article.objects.exists()


def test_front_page_pin_screen_shows_current_places_and_scheduled_pins(client, editor, make_article):
    import datetime

    from django.utils import timezone

    from articles.models import FrontPagePin

    live = make_article(title="지금 걸린 머리기사", published_at=timezone.now() - datetime.timedelta(hours=1))
    later = make_article(title="내일 걸릴 기사", published_at=timezone.now() + datetime.timedelta(days=1))
    FrontPagePin.objects.create(slot=FrontPagePin.Slot.TOP, article=live)
    FrontPagePin.objects.create(slot=FrontPagePin.Slot.HEADLINE, article=later)
    client.force_login(editor)
    page = client.get(reverse("admin:articles_frontpagepin_changelist")).content.decode()
    now_part, scheduled_part = page.split("예약된 배치", 1)
    assert "지금 걸린 머리기사" in now_part
    assert "내일 걸릴 기사" in scheduled_part and "부터 주요 기사" in scheduled_part


def test_saved_message_uses_the_particle_that_fits_the_title(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("admin:articles_article_add"), article_form(editor, title="남북 도로 개방"), follow=True
    )
    text = " ".join(str(m) for m in response.context["messages"])
    assert '개방</a>"이 ' in text or '개방"이 ' in text
