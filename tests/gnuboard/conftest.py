"""A real MariaDB/MySQL holding a Gnuboard5-shaped database (g5test_<random>) for the importer's tests.

Without a reachable server these tests skip, unless REQUIRE_MARIADB is set (CI), where that is a failure.
The server is GNUBOARD_TEST_MYSQL (default mysql://root@127.0.0.1:3306).
"""

import io
import os
import secrets

import pytest
from PIL import Image

from gnuboard.hashers import mysql_old_password, mysql_password
from gnuboard.sample import SampleDatabase, gnuboard_pbkdf2, server

SERVER_URL = os.environ.get("GNUBOARD_TEST_MYSQL", "mysql://root@127.0.0.1:3306")
PASSWORDS = {"newhash": "새비밀번호-2016", "oldhash": "old-pass-41", "ancient": "very old 16"}


@pytest.fixture(scope="session")
def mariadb():
    try:
        connection = server(SERVER_URL)
    except Exception as error:  # PyMySQL raises several kinds for a missing server
        message = f"MariaDB/MySQL에 연결할 수 없습니다 ({SERVER_URL}: {error}); apt-get install mariadb-server"
        if os.environ.get("REQUIRE_MARIADB"):
            pytest.fail(message)
        pytest.skip(message)
    yield connection
    connection.close()


def _png(color=(200, 40, 40), size=(900, 600)):
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def g5(mariadb, tmp_path):
    """A small Gnuboard5 site: two groups, three boards, members of every kind, posts, threads, files."""
    name = f"g5test_{secrets.token_hex(4)}"
    db = SampleDatabase(mariadb, name, boards=["paju", "free", "secret"])
    data = tmp_path / "g5data"
    (data / "file" / "paju").mkdir(parents=True)
    (data / "editor" / "2305").mkdir(parents=True)
    (data / "file" / "paju" / "1234_photo.png").write_bytes(_png())
    (data / "file" / "paju" / "1234_report.pdf").write_bytes(b"%PDF-1.4 a small report\n%%EOF\n")
    (data / "editor" / "2305" / "abc_editor.png").write_bytes(_png((20, 120, 200)))

    db.group("news", "퍼스트뉴스", 1)
    db.group("community", "커뮤니티", 2)
    db.board("paju", "news", "파주뉴스", 1)
    db.board("free", "community", "자유게시판", 2)
    db.board("secret", "community", "운영자 게시판", 3)

    db.member("newhash", gnuboard_pbkdf2(PASSWORDS["newhash"]), mb_nick="운정주민", mb_mailling=1)
    db.member("oldhash", mysql_password(PASSWORDS["oldhash"]), mb_nick="금촌댁")
    db.member("ancient", mysql_old_password(PASSWORDS["ancient"]), mb_nick="문산할배")
    db.member("leaver", gnuboard_pbkdf2("whatever-1"), mb_nick="떠난이", mb_leave_date="20200101")
    db.member("blocked", gnuboard_pbkdf2("whatever-2"), mb_nick="차단됨", mb_intercept_date="20210303")
    db.member("g5desk", gnuboard_pbkdf2("desk-pass-1"), mb_name="한데스크", mb_nick="편집장님", mb_level=10)
    db.member("g5reporter", gnuboard_pbkdf2("rep-pass-1"), mb_name="박기자", mb_nick="박기자", mb_level=8)

    ids = {}
    ids["html"] = db.post(
        "paju",
        "파주 <출판도시> 축제 개막",
        '<p>축제가 열렸다.</p><script>alert("x")</script><p onclick="steal()">현장 <b>사진</b></p>'
        '<img src="http://old.example/data/editor/2305/abc_editor.png" alt="현장">'
        '<a href="javascript:alert(1)">링크</a>',
        wr_option="html1",
        mb_id="g5reporter",
        wr_name="박기자",
        wr_hit=321,
        ca_name="행사",
        wr_seo_title="paju-book-festival",
    )
    ids["plain"] = db.post(
        "paju",
        "운정 호수공원 산책로 정비",
        "첫 문단입니다.\n둘째 줄 <태그 아님>\n\n두 번째 문단 & 끝.",
        mb_id="newhash",
        wr_name="운정주민",
        wr_hit=12,
        wr_link1="https://example.org/park",
    )
    ids["secret"] = db.post("paju", "비밀 제보", "비밀글 본문", wr_option="secret", mb_id="oldhash")
    ids["files"] = db.post("paju", "첨부 사진이 있는 기사", "본문", mb_id="g5reporter", wr_name="박기자", wr_file=3)
    attachments = [  # (source name, stored name, caption, type): a photo, a document and a file gone from disk
        ("현장.png", "1234_photo.png", "행사장 전경", 3),
        ("보고서.pdf", "1234_report.pdf", "", 0),
        ("사라진.jpg", "9999_gone.jpg", "", 2),
    ]
    for number, (source, stored, caption, kind) in enumerate(attachments):
        db.insert(
            "g5_board_file",
            bo_table="paju",
            wr_id=ids["files"],
            bf_no=number,
            bf_source=source,
            bf_file=stored,
            bf_content=caption,
            bf_type=kind,
        )

    # A thread six replies deep (Gnuboard allows reply codes up to 5 letters), plus siblings and a secret one.
    c1 = db.comment("paju", ids["plain"], "첫 댓글", mb_id="oldhash", wr_name="금촌댁")
    c2 = db.comment("paju", ids["plain"], "1단계 답글", reply_to=c1, mb_id="ancient", wr_name="문산할배")
    c3 = db.comment("paju", ids["plain"], "2단계 답글", reply_to=c2, mb_id="newhash", wr_name="운정주민")
    c4 = db.comment("paju", ids["plain"], "3단계 답글", reply_to=c3, wr_name="지나가던 손님")
    c5 = db.comment("paju", ids["plain"], "4단계 답글", reply_to=c4, mb_id="leaver", wr_name="떠난이")
    c6 = db.comment("paju", ids["plain"], "5단계 답글", reply_to=c5, mb_id="oldhash", wr_name="금촌댁")
    db.comment("paju", ids["plain"], "1단계 둘째 답글", reply_to=c1, mb_id="newhash", wr_name="운정주민")
    c8 = db.comment("paju", ids["plain"], "비밀 댓글", wr_option="secret", mb_id="ancient", wr_name="문산할배")
    db.comment("paju", ids["plain"], "두 번째 댓글", mb_id="newhash", wr_name="운정주민")
    ids["comments"] = {"c1": c1, "c2": c2, "c3": c3, "c4": c4, "c5": c5, "c6": c6, "secret": c8}

    ids["odd"] = db.comment(
        "paju", ids["html"], '줄바꿈\n있는 댓글\t탭 \\ 백슬래시 "따옴표" {중괄호}', mb_id="newhash", wr_name="운정주민"
    )
    ids["free"] = db.post("free", "자유게시판 첫 글", '안녕하세요 "인사" C:\\경로\\파일', wr_name="손님1")
    db.post("secret", "운영자만", "내부 공지", mb_id="g5desk")

    for day, count in (("2024-01-01", 120), ("2024-01-02", 95), ("2024-01-03", 310)):
        db.insert("g5_visit_sum", vs_date=day, vs_count=count)

    url = SERVER_URL.rstrip("/") + "/" + name
    yield type("G5", (), {"db": db, "url": url, "data": data, "ids": ids, "map": None})
    db.drop()


@pytest.fixture(autouse=True)
def _project_password_hashers(settings):
    """The suite hashes with MD5 for speed; these tests need the site's real list: Django's own, then Gnuboard's."""
    from firstnews import settings as project

    settings.PASSWORD_HASHERS = project.PASSWORD_HASHERS
