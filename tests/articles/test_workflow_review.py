"""The desk review: a reporter submits, the desk returns with a note or publishes/schedules."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, ReviewStep
from tests.factories import article_form

pytestmark = pytest.mark.django_db


def change(client, article, user, **fields):
    return client.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        article_form(user, title=article.title, **fields),
    )


def test_reporter_submitting_for_review_logs_the_step_and_mails_the_desk(
    client, reporter, editor, make_article, django_capture_on_commit_callbacks
):
    article = make_article(status=Article.Status.DRAFT)
    client.force_login(reporter)
    with django_capture_on_commit_callbacks(execute=True):
        response = change(client, article, reporter, status="review", review_note="사진 확인 부탁드립니다.")
    assert response.status_code == 302
    step = ReviewStep.objects.get(article=article)
    assert (step.action, step.actor, step.note) == ("submitted", reporter, "사진 확인 부탁드립니다.")
    assert [message.to for message in mail.outbox] == [[editor.email]]
    assert article.title in mail.outbox[0].subject
    assert "사진 확인 부탁드립니다." in mail.outbox[0].body
    assert "데스크에 검토를 요청했습니다" in [str(m) for m in get_messages(response.wsgi_request)][0]


def test_desk_must_write_a_note_to_return_an_article(client, reporter, editor, make_article):
    article = make_article(status=Article.Status.REVIEW)
    client.force_login(editor)
    response = change(client, article, reporter, status="draft")
    assert response.status_code == 200
    assert "반려할 때는 기자에게 전할 메모를 적어 주세요." in response.content.decode()
    article.refresh_from_db()
    assert article.status == Article.Status.REVIEW
    assert not ReviewStep.objects.exists()


def test_returned_note_reaches_the_reporter_by_mail_and_on_the_admin_pages(
    client, reporter, editor, make_article, django_capture_on_commit_callbacks
):
    article = make_article(status=Article.Status.REVIEW, title="반려될 기사")
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        change(client, article, reporter, status="draft", review_note="둘째 문단의 수치 출처를 밝혀 주세요.")
    step = ReviewStep.objects.get()
    assert (step.action, step.actor) == ("returned", editor)
    assert mail.outbox[0].to == [reporter.email]
    assert "둘째 문단의 수치 출처를 밝혀 주세요." in mail.outbox[0].body

    client.force_login(reporter)
    index = client.get(reverse("admin:index")).content.decode()
    assert "데스크가 처리한 내 기사" in index and "반려될 기사" in index and "수치 출처" in index
    form = client.get(reverse("admin:articles_article_change", args=[article.pk])).content.decode()
    assert "둘째 문단의 수치 출처를 밝혀 주세요." in form


def test_desk_schedules_an_article_and_the_admin_shows_the_kst_time(
    client, reporter, editor, make_article, django_capture_on_commit_callbacks
):
    article = make_article(status=Article.Status.REVIEW)
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = change(
            client, article, reporter, status="published", published_at_0="2099-03-01", published_at_1="07:30:00"
        )
    assert response.status_code == 302
    article.refresh_from_db()
    assert timezone.localtime(article.published_at).strftime("%Y-%m-%d %H:%M") == "2099-03-01 07:30"
    assert ReviewStep.objects.get().action == "scheduled"
    assert "2099-03-01 07:30" in mail.outbox[0].body and mail.outbox[0].to == [reporter.email]
    assert "2099-03-01 07:30 (한국 시간)에 공개되도록 예약했습니다" in str(list(get_messages(response.wsgi_request))[0])
    assert "예약 (03-01 07:30)" in client.get(reverse("admin:articles_article_changelist")).content.decode()
    form = client.get(reverse("admin:articles_article_change", args=[article.pk])).content.decode()
    assert "2099-03-01 07:30 (한국 시간)에 저절로 공개됩니다" in form


def test_desk_publishing_now_is_logged_as_published(client, reporter, editor, make_article):
    article = make_article(status=Article.Status.REVIEW)
    client.force_login(editor)
    past = timezone.localtime() - datetime.timedelta(minutes=5)
    change(
        client,
        article,
        reporter,
        status="published",
        published_at_0=f"{past:%Y-%m-%d}",
        published_at_1=f"{past:%H:%M:%S}",
    )
    assert ReviewStep.objects.get().action == "published"
    assert client.get(article.get_absolute_url()).status_code == 200
    client.logout()
    assert client.get(article.get_absolute_url()).status_code == 200


def test_a_reporter_trying_to_publish_only_submits(client, reporter, make_article):
    article = make_article(status=Article.Status.DRAFT)
    client.force_login(reporter)
    change(client, article, reporter, status="published")
    article.refresh_from_db()
    assert article.status != Article.Status.PUBLISHED
    assert not ReviewStep.objects.filter(action__in=["published", "scheduled"]).exists()


def test_admin_index_lists_articles_waiting_for_review_for_the_desk_only(client, reporter, editor, make_article):
    make_article(status=Article.Status.REVIEW, title="검토 대기 기사")
    make_article(status=Article.Status.DRAFT, title="아직 쓰는 기사")
    client.force_login(editor)
    page = client.get(reverse("admin:index")).content.decode()
    assert "검토를 기다리는 기사 (1)" in page
    assert "검토 대기 기사" in page and "아직 쓰는 기사" not in page
    client.force_login(reporter)
    assert "검토를 기다리는 기사" not in client.get(reverse("admin:index")).content.decode()


def test_change_form_shows_length_reading_time_and_a_reader_preview_link(client, editor, make_article):
    article = make_article(body="<p>" + "가" * 1200 + "</p><p>나 다 라</p>")
    client.force_login(editor)
    page = client.get(reverse("admin:articles_article_change", args=[article.pk])).content.decode()
    assert "공백 뺀 1,203자" in page
    assert "읽는 데 약 2분" in page
    assert f'href="{article.get_absolute_url()}"' in page and "저장된 기사 독자 화면" in page
    assert f'formaction="/admin/articles/article/{article.pk}/preview/"' in page


def test_photo_without_alt_text_is_refused(client, editor, image_upload):
    client.force_login(editor)
    response = client.post(
        reverse("admin:articles_article_add"), {**article_form(editor), "photo": image_upload(), "photo_alt": ""}
    )
    assert response.status_code == 200
    assert "대표 사진의 대체 텍스트를 입력하세요." in response.content.decode()
    assert not Article.objects.exists()


def test_publishing_an_old_draft_without_touching_the_time_dates_it_now(client, reporter, editor, make_article):
    written = timezone.now() - datetime.timedelta(days=2)
    article = make_article(status=Article.Status.REVIEW, published_at=written)
    client.force_login(editor)
    stored = timezone.localtime(written)
    change(
        client,
        article,
        reporter,
        status="published",
        published_at_0=f"{stored:%Y-%m-%d}",
        published_at_1=f"{stored:%H:%M:%S}",
        **{"initial-published_at_0": f"{stored:%Y-%m-%d}", "initial-published_at_1": f"{stored:%H:%M:%S}"},
    )
    article.refresh_from_db()
    assert timezone.now() - article.published_at < datetime.timedelta(minutes=1)
