"""deploy/backup.py: a backup restored into a fresh database and empty folders gives back the same site.

On SQLite in the normal suite; on PostgreSQL (pg_dump / pg_restore) when DATABASE_URL is PostgreSQL.
"""

import importlib.util
import shutil
from pathlib import Path

import pytest
from django.db import connection

from articles.models import Article
from comments.services import comment_create

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("backup", ROOT / "deploy" / "backup.py")
backup = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(backup)


@pytest.fixture
def fresh_database(tmp_path):
    """Settings of an empty database beside the test database, dropped afterwards."""
    settings_dict = dict(connection.settings_dict)
    if connection.vendor == "postgresql":
        if shutil.which("pg_dump") is None:
            pytest.fail("pg_dump is not installed (apt-get install postgresql-client)")
        settings_dict["NAME"] = f"{connection.settings_dict['NAME']}_restore"
        admin = backup.connect({**settings_dict, "NAME": "postgres"})
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{settings_dict["NAME"]}"')
            cursor.execute(f'CREATE DATABASE "{settings_dict["NAME"]}"')
        yield settings_dict
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{settings_dict["NAME"]}" WITH (FORCE)')
        admin.close()
    else:
        settings_dict["NAME"] = str(tmp_path / "restored.sqlite3")
        yield settings_dict


def rows(database, sql):
    wrapper = backup.connect(database)
    try:
        with wrapper.cursor() as cursor:
            cursor.execute(sql)
            return cursor.fetchall()
    finally:
        wrapper.close()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_backup_restored_into_a_fresh_database_has_the_same_rows_and_files(
    settings, tmp_path, make_article, django_user_model, image_upload, fresh_database
):
    articles = [make_article(body=f"<p>복원 확인 본문 {n} 파주</p>") for n in range(3)]
    articles[0].photo = image_upload("front.png")
    articles[0].save()
    for n in range(4):
        author = django_user_model.objects.create(username=f"backup{n}", nickname=f"백업회원{n}")
        comment_create(article=articles[n % 2], author=author, text=f"백업 댓글 {n}")
    private = Path(settings.CONTACT_UPLOAD_ROOT)
    private.mkdir(parents=True, exist_ok=True)
    (private / "tip.pdf").write_bytes(b"%PDF-1.4 private tip")
    settings.CONTACT_UPLOAD_ROOT = private
    source = dict(connection.settings_dict)
    before = backup.table_counts(source)
    sample_sql = "SELECT id, title, body, photo FROM articles_article ORDER BY id"
    sample = rows(source, sample_sql)
    media_files = backup._files(settings.MEDIA_ROOT)

    folder = backup.create(tmp_path / "backups", private_root=private)
    assert folder.stat().st_mode & 0o777 == 0o700
    assert {path.stat().st_mode & 0o777 for path in folder.iterdir()} == {0o600}
    Article.objects.filter(pk=articles[1].pk).delete()  # later changes are not in the backup

    report = backup.restore(
        folder, database=fresh_database, media_root=tmp_path / "media2", private_root=tmp_path / "private2"
    )

    assert report == {
        "tables": len(before),
        "rows": sum(before.values()),
        "tables_differing": [],
        "files_differing": [],
    }
    assert backup.table_counts(fresh_database) == before
    assert before["articles_article"] == 3 and before["comments_comment"] == 4
    assert rows(fresh_database, sample_sql) == sample
    assert rows(fresh_database, "SELECT text FROM comments_comment ORDER BY id") == [
        (f"백업 댓글 {n}",) for n in range(4)
    ]
    assert backup._files(tmp_path / "media2") == media_files
    assert any(name.endswith(".jpg") for name in media_files)  # uploads are re-encoded as JPEG
    assert (tmp_path / "private2" / "tip.pdf").read_bytes() == b"%PDF-1.4 private tip"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_old_backups_beyond_keep_are_deleted(tmp_path, monkeypatch):
    dest = tmp_path / "backups"
    for stamp in ("20260101-000000", "20260102-000000", "20260103-000000"):
        (dest / f"firstnews-{stamp}").mkdir(parents=True)
    newest = backup.create(dest, private_root=tmp_path / "none", keep=2)
    assert sorted(p.name for p in dest.iterdir()) == ["firstnews-20260103-000000", newest.name]
