"""Every save keeps a revision; the desk compares any two and restores one."""

import pytest
from django.urls import reverse

from articles.models import Article, Revision, Tag
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
    assert "<del>더한 문단 굵게</del>" in page  # body compared as text, paragraph by paragraph
    assert "&lt;script&gt;x&lt;/script&gt;" in page
    assert "<script>x</script>" not in page
    assert "No Differences" not in page


def test_links_images_and_tags_changed_in_the_admin_show_in_the_diff(client, editor):
    """The reader's text stays the same; a link's address, an image and a tag change."""
    client.force_login(editor)
    old_tag, new_tag = Tag.objects.create(name="청렴도"), Tag.objects.create(name="운정신도시")
    link = '<p>자세한 내용은 <a href="{}">시청 공고</a>에 있다.</p>'
    first = '<figure class="image"><img src="/media/editor/first-720.jpg" alt="첫 사진"></figure>'
    second = '<figure class="image"><img src="/media/editor/second-720.jpg" alt="둘째 사진"></figure>'
    body = link.format("https://www.paju.go.kr/notice/1") + first
    client.post(reverse("admin:articles_article_add"), article_form(editor, body=body, tags=[old_tag.pk]))
    article = Article.objects.get()
    body = link.format("https://www.paju.go.kr/notice/2") + second
    client.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        article_form(editor, body=body, tags=[new_tag.pk]),
    )
    assert article.revisions.count() == 2
    page = client.get(reverse("admin:articles_article_revisions", args=[article.pk]), {"a": 1, "b": 2}).content.decode()
    diff = page[page.index('class="revdiff"') :]
    assert "<h3>본문</h3>" not in diff  # the text readers read is the same
    assert "<h3>본문 링크</h3>" in diff
    assert "https://www.paju.go.kr/notice/1" in diff and "https://www.paju.go.kr/notice/2" in diff
    assert "<h3>본문 사진</h3>" in diff
    assert 'src="/media/editor/first-720.jpg"' in diff and "첫 사진" in diff  # removed, with its thumbnail
    assert 'src="/media/editor/second-720.jpg"' in diff and "둘째 사진" in diff  # added
    assert "<h3>태그</h3>" in diff and "청렴도" in diff and "운정신도시" in diff
    assert "No Differences" not in page

    # restoring the first revision brings the link, the image and the tag back
    client.post(reverse("admin:articles_article_restore", args=[article.pk, 1]))
    article.refresh_from_db()
    assert "notice/1" in article.body and "first-720.jpg" in article.body
    assert list(article.tags.values_list("name", flat=True)) == ["청렴도"]
    assert article.revisions.first().data["tags"] == ["청렴도"]


def test_a_revision_compares_with_the_article_as_it_is_now(client, revised):
    Article.objects.filter(pk=revised.pk).update(title="밖에서 바꾼 제목")
    url = reverse("admin:articles_article_revisions", args=[revised.pk])
    page = client.get(url, {"a": 3, "b": "current"}).content.decode()
    assert "3판 → 현재 기사 바뀐 곳" in page and "밖에서" in page


def test_bylines_are_kept_compared_and_restored(client, editor, reporter, other_reporter):
    client.force_login(editor)
    client.post(
        reverse("admin:articles_article_add"),
        article_form(
            editor,
            **{
                "bylines-TOTAL_FORMS": "1",
                "bylines-0-reporter": reporter.pk,
                "bylines-0-role": "사진",
                "bylines-0-order": "0",
            },
        ),
    )
    article = Article.objects.get()
    byline = article.bylines.get()
    client.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        article_form(
            editor,
            **{
                "bylines-TOTAL_FORMS": "1",
                "bylines-INITIAL_FORMS": "1",
                "bylines-0-id": byline.pk,
                "bylines-0-article": article.pk,
                "bylines-0-reporter": other_reporter.pk,
                "bylines-0-role": "글",
                "bylines-0-order": "0",
            },
        ),
    )
    assert article.revisions.count() == 2
    page = client.get(reverse("admin:articles_article_revisions", args=[article.pk]), {"a": 1, "b": 2}).content.decode()
    assert "<h3>함께 쓴 기자</h3>" in page and "김파주 기자(사진)" in page and "이운정 기자(글)" in page
    client.post(reverse("admin:articles_article_restore", args=[article.pk, 1]))
    assert [(b.reporter_id, b.role) for b in article.bylines.all()] == [(reporter.pk, "사진")]


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
