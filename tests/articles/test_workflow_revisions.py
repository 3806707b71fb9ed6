"""Every save keeps a revision; the desk compares any two and restores one."""

import pytest
from django.urls import reverse

from articles.models import Article, Revision
from tests.factories import article_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def revised(client, editor):
    """An article saved three times through the admin by the desk."""
    client.force_login(editor)
    client.post(reverse("admin:articles_article_add"), article_form(editor, title="첫 제목", body="<p>첫 문단</p>"))
    article = Article.objects.get()
    url = reverse("admin:articles_article_change", args=[article.pk])
    client.post(url, article_form(editor, title="둘째 제목", body="<p>첫 문단</p><p>더한 문단 <b>굵게</b></p>"))
    client.post(url, article_form(editor, title="셋째 제목 <script>x</script>", body="<p>첫 문단</p>"))
    return article


def test_each_save_keeps_a_numbered_revision_with_who_and_what(revised, editor):
    revisions = list(revised.revisions.order_by("number"))
    assert [revision.number for revision in revisions] == [1, 2, 3]
    assert [revision.data["title"] for revision in revisions] == [
        "첫 제목",
        "둘째 제목",
        "셋째 제목 <script>x</script>",
    ]
    assert all(revision.author == editor for revision in revisions)
    assert set(revisions[0].data) >= {"title", "subtitle", "summary", "body", "section_id", "photo", "photo_alt"}


def test_saving_without_changes_adds_no_revision(client, revised, editor):
    client.post(
        reverse("admin:articles_article_change", args=[revised.pk]),
        article_form(editor, title="셋째 제목 <script>x</script>", body="<p>첫 문단</p>"),
    )
    assert revised.revisions.count() == 3


def test_diff_between_two_revisions_is_readable_and_escaped(client, revised):
    url = reverse("admin:articles_article_revisions", args=[revised.pk])
    page = client.get(url, {"a": 2, "b": 3}).content.decode()
    assert "2판 → 3판 바뀐 곳" in page
    assert "<h3>제목</h3>" in page and "<h3>본문</h3>" in page
    assert "더한&nbsp;문단&nbsp;굵게" in page  # body compared as text, paragraph by paragraph
    assert "&lt;script&gt;x&lt;/script&gt;" in page
    assert "<script>x</script>" not in page


def test_restoring_a_revision_brings_its_text_back_and_is_itself_recorded(client, revised, editor):
    response = client.post(reverse("admin:articles_article_restore", args=[revised.pk, 2]))
    assert response.status_code == 302
    revised.refresh_from_db()
    assert revised.title == "둘째 제목"
    assert "더한 문단" in revised.body
    latest = revised.revisions.first()
    assert (latest.number, latest.note, latest.author) == (4, "2판 복원", editor)


def test_restore_needs_a_post(client, revised):
    client.get(reverse("admin:articles_article_restore", args=[revised.pk, 1]))
    revised.refresh_from_db()
    assert revised.title.startswith("셋째 제목")


def test_a_reporter_cannot_see_or_restore_revisions_of_another_reporters_article(client, revised, reporter):
    client.force_login(reporter)
    assert client.get(reverse("admin:articles_article_revisions", args=[revised.pk])).status_code == 404
    client.post(reverse("admin:articles_article_restore", args=[revised.pk, 1]))
    revised.refresh_from_db()
    assert revised.title.startswith("셋째 제목")
    assert Revision.objects.count() == 3


def test_a_reporter_restores_their_own_draft(client, reporter):
    client.force_login(reporter)
    client.post(reverse("admin:articles_article_add"), article_form(reporter, title="내 초고"))
    article = Article.objects.get()
    client.post(reverse("admin:articles_article_change", args=[article.pk]), article_form(reporter, title="망친 초고"))
    client.post(reverse("admin:articles_article_restore", args=[article.pk, 1]))
    article.refresh_from_db()
    assert article.title == "내 초고"
