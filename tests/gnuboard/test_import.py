import io

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client

from accounts.models import Consent, User
from articles.models import Article, Section
from comments.models import Comment
from gnuboard import importer
from gnuboard.models import SourceRow
from tests.factories import make_article, make_user
from visitors.models import DailyVisits

from .conftest import PASSWORDS

pytestmark = pytest.mark.django_db


def run(g5, *extra, map_text='[boards]\nfree = "new"\nsecret = "skip"\n', tmp_path=None):
    map_file = g5.data.parent / "map.toml"
    map_file.write_text(map_text, encoding="utf-8")
    out = io.StringIO()
    call_command("import_gnuboard", "--db", g5.url, "--data", str(g5.data), "--map", str(map_file), *extra, stdout=out)
    return out.getvalue()


def article(g5, key):
    row = SourceRow.objects.get(kind="post", board="paju", source_id=str(g5.ids[key]))
    return Article.objects.get(pk=row.target_id)


def test_unmapped_board_stops_the_import_and_writes_a_mapping_file(g5, tmp_path):
    written = tmp_path / "written.toml"
    with pytest.raises(CommandError, match="free"):
        call_command("import_gnuboard", "--db", g5.url, "--write-map", str(written), stdout=io.StringIO())
    text = written.read_text(encoding="utf-8")
    assert 'paju = "paju"' in text  # matched by name: 파주뉴스
    assert 'free = ""' in text
    assert not Article.objects.exists()
    assert not User.objects.filter(username="newhash").exists()


def test_dry_run_counts_and_writes_nothing(g5, django_user_model):
    django_user_model.objects.create_user("oldhash", email="someone-else@example.com", password="x-long-password")
    out = run(g5, "--dry-run")
    assert "paju (파주뉴스) → paju: 게시글 4 (비밀글 1), 댓글 10" in out
    assert "oldhash" in out  # the clashing ID is listed
    assert "file/paju/9999_gone.jpg" in out
    assert not Article.objects.exists()
    assert not SourceRow.objects.exists()


def test_dry_run_lists_unmapped_boards(g5, tmp_path):
    out = io.StringIO()
    written = tmp_path / "written.toml"
    call_command("import_gnuboard", "--db", g5.url, "--dry-run", "--write-map", str(written), stdout=out)
    assert "free (자유게시판)" in out.getvalue() and written.exists()
    assert not SourceRow.objects.exists()


def test_posts_arrive_as_published_articles_with_their_dates_views_and_authors(g5):
    run(g5)
    html = article(g5, "html")
    assert html.status == Article.Status.PUBLISHED and html.is_public
    assert html.section == Section.objects.get(slug="paju")
    assert html.title == "파주 <출판도시> 축제 개막"
    assert html.view_count == 321
    assert html.reporter.username == "g5reporter" and html.reporter.groups.filter(name="기자").exists()
    assert html.published_at.isoformat() == "2016-05-04T01:20:30+00:00"  # 10:20:30 KST
    assert not html.was_updated
    assert list(html.tags.values_list("name", flat=True)) == ["행사"]
    plain = article(g5, "plain")
    assert plain.body.startswith("<p>첫 문단입니다.<br>둘째 줄 &lt;태그 아님&gt;</p><p>두 번째 문단 &amp; 끝.</p>")
    assert 'href="https://example.org/park"' in plain.body
    free = Article.objects.get(section__name="자유게시판")
    assert free.section.group.name == "커뮤니티"
    assert free.byline == "손님1" and free.reporter.display_name == "손님1" and not free.reporter.is_active


def test_hostile_html_in_an_old_post_is_sanitised(g5):
    run(g5)
    body = article(g5, "html").body
    assert "<script" not in body and "alert" not in body
    assert "onclick" not in body and "javascript:" not in body
    assert "<b>사진</b>" in body


def test_secret_posts_and_skipped_boards_stay_out_and_are_counted(g5):
    out = run(g5)
    assert not SourceRow.objects.filter(board="paju", source_id=str(g5.ids["secret"]), kind="post").exists()
    assert not Article.objects.filter(title__in=["비밀 제보", "운영자만"]).exists()
    assert "비밀글이라 건너뜀: 1" in out
    assert "건너뛴 게시판 secret 게시글: 1" in out


def test_comment_threads_keep_their_shape_and_the_sixth_level_joins_the_fifth(g5):
    run(g5)
    plain = article(g5, "plain")
    comments = list(Comment.objects.filter(article=plain).in_thread_order())
    assert [(c.depth, c.text) for c in comments] == [
        (1, "첫 댓글"),
        (2, "1단계 답글"),
        (3, "2단계 답글"),
        (4, "3단계 답글"),
        (5, "4단계 답글"),
        (5, "5단계 답글"),
        (2, "1단계 둘째 답글"),
        (1, "비밀 댓글"),
        (1, "두 번째 댓글"),
    ]
    fifth, sixth = comments[4], comments[5]
    assert sixth.parent == fifth.parent and sixth.reply_to == fifth
    assert comments[1].parent == comments[0] and comments[6].parent == comments[0]
    assert comments[7].status == Comment.Status.HIDDEN  # secret comments: not shown to readers
    assert comments[3].author.display_name == "지나가던 손님"
    assert comments[4].author.display_name == "탈퇴한 회원"
    assert plain.comment_count == 8


def test_comment_text_arrives_unchanged_whatever_characters_it_holds(g5):
    run(g5)
    comment = Comment.objects.get(article=article(g5, "html"))
    assert comment.text == '줄바꿈\n있는 댓글\t탭 \\ 백슬래시 "따옴표" {중괄호}'
    assert article(g5, "html").comment_count == 1


def test_members_keep_their_state_role_and_consents(g5):
    run(g5)
    leaver = User.objects.get(username="leaver")
    assert leaver.is_withdrawn and not leaver.is_active and leaver.nickname is None and leaver.email == ""
    assert not leaver.has_usable_password()
    assert not User.objects.get(username="blocked").is_active
    desk = User.objects.get(username="g5desk")
    assert desk.is_staff and desk.groups.filter(name="데스크").exists() and desk.get_full_name() == "한데스크"
    member = User.objects.get(username="newhash")
    assert member.nickname == "운정주민" and not member.is_staff and member.get_full_name() == ""
    kinds = {c.kind: c for c in member.consents.all()}
    assert set(kinds) == {Consent.Kind.TERMS, Consent.Kind.PRIVACY, Consent.Kind.MARKETING}
    assert kinds[Consent.Kind.TERMS].version == "그누보드5"
    assert kinds[Consent.Kind.TERMS].agreed_at.isoformat() == "2015-03-02T00:00:00+00:00"  # 09:00 KST


@pytest.mark.parametrize("username", ["newhash", "oldhash", "ancient"])
def test_member_logs_in_with_the_old_password_and_the_hash_is_upgraded(g5, username):
    run(g5)
    user = User.objects.get(username=username)
    assert user.password.startswith("gnuboard_")
    client = Client()
    assert not client.login(username=username, password="wrong-password")
    response = client.post("/accounts/login/", {"username": username, "password": PASSWORDS[username]})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.password.startswith("pbkdf2_sha256$")
    assert user.check_password(PASSWORDS[username])


def test_withdrawn_and_blocked_members_cannot_log_in(g5):
    run(g5)
    client = Client()
    assert not client.login(username="leaver", password="whatever-1")
    assert not client.login(username="blocked", password="whatever-2")


def test_attachments_and_editor_images_reach_the_media_and_missing_files_are_reported(g5):
    out = run(g5)
    files = article(g5, "files")
    assert files.photo and files.photo_alt == "행사장 전경"
    assert set(files.photo_renditions) >= {"source", "thumb", "large", "share"}
    assert "보고서.pdf" in files.body and "/media/gnuboard/files/paju/" in files.body
    assert "file/paju/9999_gone.jpg" in out
    html = article(g5, "html")
    assert html.photo  # the first editor image became the lead photo
    assert "old.example" not in html.body


def test_a_second_run_adds_nothing(g5):
    run(g5)
    before = (Article.objects.count(), Comment.objects.count(), User.objects.count(), Consent.objects.count())
    views = article(g5, "html").view_count
    out = run(g5)
    after = (Article.objects.count(), Comment.objects.count(), User.objects.count(), Consent.objects.count())
    assert after == before
    assert article(g5, "html").view_count == views
    assert "새로 옮김" not in out.replace("새로 옮김: 0", "")


def test_a_later_run_brings_only_new_and_edited_rows(g5):
    run(g5)
    plain = article(g5, "plain")
    first = Comment.objects.filter(article=plain).count()
    db = g5.db
    db.comment("paju", g5.ids["plain"], "컷오버 직전 답글", reply_to=g5.ids["comments"]["c1"], mb_id="oldhash")
    with db.connection.cursor() as cursor:
        cursor.execute(
            "UPDATE g5_write_paju SET wr_subject = %s, wr_hit = wr_hit + 5 WHERE wr_id = %s",
            ["운정 호수공원 산책로 정비 (수정)", g5.ids["plain"]],
        )
    db.post("paju", "새 글", "새 본문", mb_id="newhash")
    run(g5)
    plain.refresh_from_db()
    assert plain.title == "운정 호수공원 산책로 정비 (수정)"
    assert plain.view_count == 12 + 5
    assert Comment.objects.filter(article=plain).count() == first + 1
    reply = Comment.objects.get(text="컷오버 직전 답글")
    assert reply.depth == 2 and reply.parent.text == "첫 댓글"
    assert plain.comment_count == 9
    assert Article.objects.filter(title="새 글").count() == 1


def test_visitor_totals_continue_in_the_daily_history(g5):
    DailyVisits.objects.create(day="2024-01-03", visits=10)
    run(g5)
    run(g5)
    assert {str(day): visits for day, visits in DailyVisits.objects.values_list("day", "visits")} == {
        "2024-01-01": 120,
        "2024-01-02": 95,
        "2024-01-03": 320,  # the 10 counted here that day stay
    }


def test_old_addresses_answer_301_to_the_new_ones(g5, client):
    run(g5)
    html = article(g5, "html")
    for url in (
        f"/bbs/board.php?bo_table=paju&wr_id={g5.ids['html']}",
        f"/bbs/board.php?bo_table=paju&wr_id={g5.ids['html']}&page=3",
        f"/paju/{g5.ids['html']}",
        "/paju/paju-book-festival/",
    ):
        response = client.get(url)
        assert response.status_code == 301, url
        assert response["Location"] == f"/article/{html.pk}/"
    response = client.get(f"/bbs/board.php?bo_table=paju&wr_id={g5.ids['comments']['c2']}")
    assert response.status_code == 301
    assert response["Location"].startswith(f"/article/{article(g5, 'plain').pk}/#comment-")
    assert client.get("/bbs/board.php?bo_table=paju")["Location"] == "/section/news/paju/"
    assert client.get("/paju")["Location"] == "/section/news/paju/"


def test_unknown_old_addresses_are_not_found(g5, client):
    run(g5)
    assert client.get("/bbs/board.php?bo_table=paju&wr_id=99999").status_code == 404
    assert client.get(f"/bbs/board.php?bo_table=paju&wr_id={g5.ids['secret']}").status_code == 404
    assert client.get("/bbs/board.php?bo_table=nosuch").status_code == 404
    assert client.get("/nosuch/12").status_code == 404
    assert client.get("/admin")["Location"] == "/admin/"


def test_imported_articles_are_found_by_search(g5):
    from search.query import ArticleSearch

    def found(term):
        return ArticleSearch([term])[0:50]

    run(g5)
    html = article(g5, "html")
    assert html in found("출판도시")
    assert html in found("축제")
    assert html not in found("호수공원")
    odd = Article.objects.get(title="운정 호수공원 산책로 정비")
    assert odd in found("호수공원")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_committed_import_written_by_the_second_thread_matches_the_source(g5):
    """Outside a test transaction PostgreSQL imports write each batch from a second thread."""
    run(g5, "--batch-size", "1")
    plain = article(g5, "plain")
    assert [c.depth for c in Comment.objects.filter(article=plain).in_thread_order()] == [1, 2, 3, 4, 5, 5, 2, 1, 1]
    assert plain.comment_count == 8
    assert Article.objects.count() == 4
    out = run(g5)
    assert Article.objects.count() == 4 and "게시글: 바뀌지 않음: 3" in out


def test_a_file_name_pointing_outside_the_board_folder_is_not_copied(g5):
    (g5.data.parent / "outside.pdf").write_bytes(b"%PDF-1.4 not for the public\n")
    g5.db.insert(
        "g5_board_file",
        bo_table="paju",
        wr_id=g5.ids["files"],
        bf_no=3,
        bf_source="secret.pdf",
        bf_file="../../../outside.pdf",
        bf_content="",
        bf_type=0,
    )
    out = run(g5)
    assert "file/paju/../../../outside.pdf" in out  # reported as missing
    assert "secret.pdf" not in article(g5, "files").body


postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the search index, its trigger and planner statistics are PostgreSQL's"
)


def search_rows(ids):
    """search_articletext rows of these articles, pairs as sets (their order is not part of the index)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT article_id, section_id, published_at, public, title, document, tokens, across "
            "FROM search_articletext WHERE article_id = ANY(%s) ORDER BY article_id",
            [list(ids)],
        )
        return [(*row[:-2], set(row[-2]), set(row[-1])) for row in cursor.fetchall()]


def found(term):
    from search.query import ArticleSearch

    return ArticleSearch([term])[0:50]


@postgresql_only
def test_imported_articles_are_indexed_in_bulk_as_the_trigger_would_index_them(g5):
    run(g5)
    ids = list(Article.objects.values_list("pk", flat=True))
    bulk = search_rows(ids)
    assert [row[0] for row in bulk] == sorted(ids) and len(ids) == 4
    with connection.cursor() as cursor:
        cursor.execute("SELECT search_articletext_refresh(id) FROM articles_article")
    assert search_rows(ids) == bulk
    assert article(g5, "plain") in found("산책로") and article(g5, "plain") in found("문단입니다")


@postgresql_only
def test_the_trigger_is_off_for_the_import_s_batches_only(g5, monkeypatch):
    """The batches' articles are left to the bulk indexing; an article saved after, in the same session, is
    indexed by the trigger again."""
    monkeypatch.setattr("gnuboard.importer.index_articles", lambda ids: 0)
    run(g5)
    assert search_rows([article(g5, "plain").pk]) == []
    later = make_article(make_user("after"), title="가져오기 뒤에 쓴 기사")
    assert later in found("가져오기")


@postgresql_only
def test_the_import_leaves_statistics_on_the_tables_it_filled(g5):
    """Without them, a later run's lookups among the imported rows are planned as if the table were empty."""
    run(g5)
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = 'gnuboard_sourcerow'")
        estimated = cursor.fetchone()[0]
    assert estimated == SourceRow.objects.count() > 0  # -1 until the table is first analysed


@postgresql_only
def test_an_edited_post_is_indexed_again_on_a_later_run(g5):
    run(g5)
    with g5.db.connection.cursor() as cursor:
        cursor.execute(
            "UPDATE g5_write_paju SET wr_content = %s WHERE wr_id = %s", ["금릉역 앞 새 문단.", g5.ids["plain"]]
        )
    run(g5)
    plain = article(g5, "plain")
    assert plain in found("금릉역")
    assert plain not in found("문단입니다")


@postgresql_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_article_saved_by_the_site_during_the_import_is_indexed_by_the_trigger(g5, monkeypatch):
    """Committed batches (a reading process, a writing thread): another session writing meanwhile is indexed."""
    import psycopg2

    own = make_article(make_user("during"), title="사이트에서 쓴 기사")
    real = importer.index_articles

    def during(ids):
        settings = connection.settings_dict
        other = psycopg2.connect(
            dbname=settings["NAME"], user=settings["USER"], host=settings["HOST"], port=settings["PORT"] or 5432
        )
        other.autocommit = True
        with other.cursor() as cursor:
            cursor.execute("UPDATE articles_article SET title = title || ' 동시고침' WHERE id = %s", [own.pk])
        other.close()
        return real(ids)

    monkeypatch.setattr(importer, "index_articles", during)
    run(g5, "--batch-size", "1")
    assert own in found("동시고침")
    assert article(g5, "plain") in found("산책로")
    assert Article.objects.count() == 5
