"""PostgreSQL's search rows: linear in the text, the same from the trigger and the bulk rebuild."""

import importlib
import os
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from articles.models import Byline
from search.index import SPACE_MARK, TITLE_MARK, search_row, tokens

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the search index exists on PostgreSQL only"),
]


def stored(article_id):
    """(title, document, tokens, across) of an article's search row, the pairs as sets."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT title, document, tokens, across FROM search_articletext WHERE article_id = %s", [article_id]
        )
        row = cursor.fetchone()
    return row and (row[0], row[1], set(row[2]), set(row[3]))


def backend_cpu_seconds():
    """CPU used so far by this connection's PostgreSQL process (from /proc: holds on a busy machine)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    stat = Path(f"/proc/{pid}/stat")
    if not stat.exists():
        pytest.skip("PostgreSQL runs on another machine: its CPU cannot be read here")
    fields = stat.read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def test_saving_a_200000_character_single_word_body_costs_under_a_second_of_database_cpu(make_article):
    # A quadratic bigram function took minutes here; the linear one takes a fraction of a second.
    article = make_article(title="긴 낱말")
    article.body = "<p>" + "가나다라마바사아자차카타파하" * 14286 + "</p>"
    before = backend_cpu_seconds()
    article.save()
    assert backend_cpu_seconds() - before < 1.0
    assert len(stored(article.pk)[1]) > 200000


def test_trigger_and_bulk_rebuild_write_the_same_rows(make_article, reporter, other_reporter):
    articles = [
        make_article(title="지역경제 <살리기>", body="<p>파주시가 <strong>골목</strong>상권&nbsp;회복 &amp; 예산</p>"),
        make_article(
            title="Ｋ-푸드　축제", subtitle="5G 체험관", body="<p>탭\t문자와\n줄바꿈</p>", byline="김파주 객원기자"
        ),
        make_article(title="운정 호수공원", reporter=other_reporter),
    ]
    Byline.objects.create(article=articles[2], reporter=reporter, role="사진")
    from_trigger = {article.pk: stored(article.pk) for article in articles}
    call_command("search_rebuild", workers=0, stderr=open("/dev/null", "w"), stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert {article.pk: stored(article.pk) for article in articles} == from_trigger
    assert "김파주 기자" in from_trigger[articles[2].pk][1]
    assert "이운정 기자" in from_trigger[articles[2].pk][1]


def test_python_rows_match_the_sql_functions_on_odd_text():
    article = {
        "title": "A  b\u3000c 마을 버스",
        "subtitle": "",
        "summary": "x\ty",
        "body": "<p>&lt;태그&gt; 둘</p><p>셋</p>",
    }
    title, document, inside, across = search_row(article, "김파주 기자")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT lower(search_document(%s, %s, %s, %s) || ' ' || %s), "
            "search_bigrams(lower(search_document(%s, %s, %s, %s) || ' ' || %s)) || search_bigrams(lower(%s), 1::bigint << 42)",
            [*article.values(), "김파주 기자", *article.values(), "김파주 기자", article["title"]],
        )
        sql_document, sql_tokens = cursor.fetchone()
    assert document == sql_document
    assert inside | across == set(sql_tokens)
    assert (inside, across) == tokens(title, document)
    assert not {token for token in inside if token & SPACE_MARK}
    assert {token for token in across if token & SPACE_MARK and token & TITLE_MARK} == {
        (ord(a) << 21) | ord(b) | SPACE_MARK | TITLE_MARK for a, b in ["c마", "을버"]
    }


def test_a_shared_byline_added_later_makes_the_article_findable_by_that_name(make_article, reporter, other_reporter):
    article = make_article(title="운정 소식", reporter=other_reporter)
    assert "김파주" not in stored(article.pk)[1]
    byline = Byline.objects.create(article=article, reporter=reporter)
    assert "김파주 기자" in stored(article.pk)[1]
    byline.delete()
    assert "김파주" not in stored(article.pk)[1]


def test_the_migration_to_a_column_of_pairs_across_a_space_recomputes_the_stored_rows(make_article):
    article = make_article(title="마을버스 노선", body="<p>운행 시간표</p>")
    migration = importlib.import_module("search.migrations.0006_pairs_across_their_own_index")
    with connection.schema_editor() as editor:
        migration.backwards(None, editor)  # the table as migration 0005 left it: both kinds in tokens
    with connection.cursor() as cursor:
        cursor.execute("SELECT tokens FROM search_articletext WHERE article_id = %s", [article.pk])
        assert {token for token in cursor.fetchone()[0] if token & SPACE_MARK}
    with connection.schema_editor() as editor:
        migration.forwards(None, editor)
    title, document, inside, across = stored(article.pk)
    assert (inside, across) == tokens(title, document)
    assert (ord("스") << 21) | ord("노") | SPACE_MARK in across
    assert not {token for token in inside if token & SPACE_MARK}
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname FROM pg_indexes WHERE tablename = 'search_articletext' ORDER BY 1")
        assert [name for (name,) in cursor.fetchall()] == [
            "search_articletext_across",
            "search_articletext_latest",
            "search_articletext_pkey",
            "search_articletext_tokens",
        ]
