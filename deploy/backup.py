"""Back up and restore 퍼스트신문: the database, the uploads (MEDIA_ROOT) and the private tip files.

    .venv/bin/python deploy/backup.py create [--dest backups] [--keep 14]     # make backup
    .venv/bin/python deploy/backup.py restore backups/firstnews-20261130-0340  # make restore BACKUP=...

Settings come from the environment, as for the app (DATABASE_URL, MEDIA_ROOT,
CONTACT_UPLOAD_ROOT). A backup is one folder:

    database.dump      PostgreSQL: pg_dump's custom format (compressed, restored by pg_restore)
    database.sqlite3   SQLite: a consistent copy made with SQLite's online backup API
    media.tar.gz       MEDIA_ROOT
    private.tar.gz     CONTACT_UPLOAD_ROOT (tip and ad-request attachments)
    manifest.json      time, database kind, rows per table, files: what restore checks against

Both work while the site runs (pg_dump reads one snapshot; the SQLite backup API copies
a consistent state). Restore into an empty database and empty folders with the app stopped
(PostgreSQL: `createdb` a new one, or the old one is cleaned object by object first); it
ends by comparing the rows per table with the manifest and says so. --keep N deletes all
but the newest N backups in --dest.
"""

import argparse
import datetime
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PREFIX = "firstnews-"


def setup_django():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "firstnews.settings")
    import django

    django.setup()


def _pg_environment(database):
    environment = dict(os.environ)
    for variable, key in (("PGHOST", "HOST"), ("PGPORT", "PORT"), ("PGUSER", "USER"), ("PGPASSWORD", "PASSWORD")):
        if database.get(key):
            environment[variable] = str(database[key])
    return environment


def _is_postgresql(database):
    return "postgresql" in database["ENGINE"]


def connect(database):
    """A Django connection to the database described by a settings dict (not necessarily the default one)."""
    from django.db.utils import load_backend

    return load_backend(database["ENGINE"]).DatabaseWrapper(dict(database), alias="backup")


def table_counts(database):
    wrapper = connect(database)
    try:
        with wrapper.cursor() as cursor:
            tables = sorted(wrapper.introspection.table_names(cursor))
            counts = {}
            for table in tables:
                cursor.execute(f"SELECT COUNT(*) FROM {wrapper.ops.quote_name(table)}")  # noqa: S608 introspected names
                counts[table] = cursor.fetchone()[0]
        return counts
    finally:
        wrapper.close()


def _files(folder):
    folder = Path(folder)
    if not folder.is_dir():
        return {}
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _tar(folder, target):
    with tarfile.open(target, "w:gz") as archive:
        if Path(folder).is_dir():
            archive.add(folder, arcname=".")


def _untar(source, folder):
    Path(folder).mkdir(parents=True, exist_ok=True)
    with tarfile.open(source) as archive:
        archive.extractall(folder, filter="data")


def create(dest, *, database=None, media_root=None, private_root=None, keep=None):
    """Write a new backup folder under dest and return its path."""
    from django.conf import settings
    from django.db import connections

    database = database or connections["default"].settings_dict
    media_root = Path(media_root or settings.MEDIA_ROOT)
    private_root = Path(private_root or settings.CONTACT_UPLOAD_ROOT)
    now = datetime.datetime.now(datetime.UTC)
    folder = Path(dest) / f"{PREFIX}{now:%Y%m%d-%H%M%S}"
    # Private data (member accounts, tips): readable by the backup's owner only.
    Path(dest).mkdir(parents=True, exist_ok=True)
    folder.mkdir(mode=0o700)
    counts = table_counts(database)
    if _is_postgresql(database):
        subprocess.run(  # noqa: S603 fixed arguments, the name comes from our own settings
            ["pg_dump", "--format=custom", "--no-owner", "--no-privileges",  # noqa: S607
             f"--file={folder / 'database.dump'}", database["NAME"]],
            env=_pg_environment(database),
            check=True,
        )  # fmt: skip
        database_file = "database.dump"
    else:
        wrapper = connect(database)
        wrapper.ensure_connection()
        target = sqlite3.connect(folder / "database.sqlite3")
        try:
            wrapper.connection.backup(target)
        finally:
            target.close()
            wrapper.close()
        database_file = "database.sqlite3"
    _tar(media_root, folder / "media.tar.gz")
    _tar(private_root, folder / "private.tar.gz")
    manifest = {
        "created": now.isoformat(),
        "database": database_file,
        "tables": counts,
        "media": _files(media_root),
        "private": _files(private_root),
    }
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False))
    for path in folder.iterdir():
        path.chmod(0o600)
    if keep:
        for old in sorted(Path(dest).glob(f"{PREFIX}*"))[:-keep]:
            shutil.rmtree(old)
    return folder


def restore(folder, *, database=None, media_root=None, private_root=None):
    """Restore a backup folder into the database and folders given (default: the settings'); return a report."""
    from django.conf import settings
    from django.db import connections

    folder = Path(folder)
    manifest = json.loads((folder / "manifest.json").read_text())
    database = database or connections["default"].settings_dict
    media_root = Path(media_root or settings.MEDIA_ROOT)
    private_root = Path(private_root or settings.CONTACT_UPLOAD_ROOT)
    if manifest["database"] == "database.dump":
        if not _is_postgresql(database):
            raise SystemExit("this backup is of PostgreSQL; DATABASE_URL points elsewhere")
        subprocess.run(  # noqa: S603 fixed arguments, the name comes from our own settings
            ["pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction",  # noqa: S607
             f"--dbname={database['NAME']}", str(folder / "database.dump")],
            env=_pg_environment(database),
            check=True,
        )  # fmt: skip
    else:
        if _is_postgresql(database):
            raise SystemExit("this backup is of SQLite; DATABASE_URL points at PostgreSQL")
        source = sqlite3.connect(folder / "database.sqlite3")
        target = sqlite3.connect(database["NAME"])
        try:
            source.backup(target)
        finally:
            source.close()
            target.close()
    _untar(folder / "media.tar.gz", media_root)
    _untar(folder / "private.tar.gz", private_root)
    counts = table_counts(database)
    restored = {"media": _files(media_root), "private": _files(private_root)}
    return {
        "tables": len(manifest["tables"]),
        "rows": sum(manifest["tables"].values()),
        "tables_differing": sorted(t for t, n in manifest["tables"].items() if counts.get(t) != n),
        "files_differing": sorted(
            f"{name}/{path}"
            for name, files in restored.items()
            for path, digest in manifest[name].items()
            if files.get(path) != digest
        ),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    make = commands.add_parser("create", help="write a new backup folder")
    make.add_argument("--dest", default=os.environ.get("BACKUP_DIR", str(ROOT / "backups")))
    make.add_argument("--keep", type=int, help="keep only the newest N backups in --dest")
    back = commands.add_parser("restore", help="restore a backup folder into the configured database and folders")
    back.add_argument("folder")
    args = parser.parse_args()
    setup_django()
    if args.command == "create":
        print(create(args.dest, keep=args.keep))
        return
    report = restore(args.folder)
    print(f"restored {report['rows']} rows in {report['tables']} tables")
    if report["tables_differing"] or report["files_differing"]:
        sys.exit(f"NOT as backed up: tables {report['tables_differing']}, files {report['files_differing']}")
    print("rows per table and every file match the backup's manifest")


if __name__ == "__main__":
    main()
