"""The search rows of many articles at once, computed in Python and loaded with COPY.

The triggers of migration 0002 index one saved article in SQL; loading or
rebuilding a whole archive that way costs a function call per row, so the
bulk paths compute the same rows here (a test compares both) and stream them
into a fresh table, build its indexes once, and swap it in.
"""

import multiprocessing
import re
import time

from django.db import connection, transaction

from lib.pgcopy import copy_rows

from .text import search_document

TABLE = "search_articletext"
COLUMNS = ("article_id", "section_id", "published_at", "public", "title", "document", "tokens", "across")
# The pairs inside words and the pairs across a space are two GIN indexes (migration 0006): each builds
# faster alone than one index of both, and a rebuild builds them at the same time, one per core.
INDEXES = {
    "search_articletext_tokens": "USING gin (tokens)",
    "search_articletext_across": "USING gin (across)",
    "search_articletext_latest": "(published_at DESC, article_id DESC) WHERE public",
}
PUBLISHED = "published"
CHUNK = 5000


# Only ASCII white space separates words, as in search_bigrams(): an ideographic
# space (U+3000) or a no-break space joins its neighbours in both.
_SPACES = re.compile(r"[ \t\n\r\f\v]+")
TITLE_MARK = 1 << 42
# A word's last letter and the next word's first, when one plain space (U+0020) separates them, are
# a pair too, with bit 43 set: "마을버스 노선" needs 스 노, which few texts hold, so a phrase of common
# words is narrowed by the index before any text is read.
SPACE_MARK = 1 << 43
_ACROSS = re.compile(r"([^ \t\n\r\f\v]) (?=([^ \t\n\r\f\v]))")
# Words repeat (Zipf), so each word's pairs are computed once per process.
_WORD_PAIRS = {}
_WORD_PAIRS_LIMIT = 500000


def _pairs(word):
    pairs = _WORD_PAIRS.get(word)
    if pairs is None:
        if len(_WORD_PAIRS) >= _WORD_PAIRS_LIMIT:
            _WORD_PAIRS.clear()
        pairs = frozenset((ord(a) << 21) | ord(b) for a, b in zip(word, word[1:], strict=False))
        if len(word) < 40:
            _WORD_PAIRS[word] = pairs
    return pairs


# Together the two are what search_bigrams() returns for a text (a PostgreSQL test compares them).
def word_pairs(text, mark=0):
    """Distinct two-character pieces of the words of `text`, as numbers (the `tokens` column)."""
    pairs = set().union(*map(_pairs, set(_SPACES.split(text))))
    return {pair | mark for pair in pairs} if mark else pairs


def space_pairs(text, mark=0):
    """The letters either side of each single space of `text`, as numbers with SPACE_MARK (the `across` column)."""
    return {(ord(a) << 21) | ord(b) | SPACE_MARK | mark for a, b in set(_ACROSS.findall(text))}


def tokens(title, document):
    """The indexed numbers of an article, (tokens, across): pairs of its whole text, and of its title marked."""
    return (
        word_pairs(document) | word_pairs(title, TITLE_MARK),
        space_pairs(document) | space_pairs(title, TITLE_MARK),
    )


def names_text(byline, reporter_name, shared_names):
    """The names an article is found by, as search_article_names() writes them."""
    names = [byline] if byline else []
    names += [f"{name} 기자" for name in [reporter_name, *shared_names] if name]
    return " ".join(names)


def search_row(article, names):
    """(title, document, tokens, across) for an article's fields, all lower-cased."""
    title = article["title"].lower()
    text = search_document(article["title"], article["subtitle"], article["summary"], article["body"])
    document = f"{text} {names}".lower()
    return title, document, *tokens(title, document)


def _names(cursor):
    cursor.execute("SELECT id, last_name || first_name FROM accounts_user")
    users = dict(cursor.fetchall())
    cursor.execute("SELECT article_id, reporter_id FROM articles_byline ORDER BY id")
    shared = {}
    for article_id, reporter_id in cursor.fetchall():
        shared.setdefault(article_id, []).append(reporter_id)
    return users, shared


FIELDS = ("id", "section_id", "published_at", "status", "title", "subtitle", "summary", "body")


def index_range(first, last, users, shared):
    """Compute and COPY the search rows of articles first..last (ids) into the new table; return how many.

    Runs in a worker process with its own database connection, or in this one.
    """
    with connection.cursor() as cursor:
        cursor.execute(SELECT_ARTICLES + "WHERE id BETWEEN %s AND %s", [first, last])
        rows = _selected_rows(cursor, users, shared)
        copy_rows(cursor, f"{TABLE}_new", COLUMNS, rows)
    return len(rows)


SELECT_ARTICLES = f"SELECT {', '.join(FIELDS)}, byline, reporter_id FROM articles_article "  # noqa: S608 constants


def _selected_rows(cursor, users, shared):
    """The search rows of the articles the cursor's last query selected (SELECT_ARTICLES)."""
    rows = []
    for values in cursor.fetchall():
        article = dict(zip(FIELDS, values, strict=False))
        reporter_id = values[-1]
        others = [users.get(other) for other in shared.get(article["id"], []) if other != reporter_id]
        row = (article["id"], article["section_id"], article["published_at"], article["status"] == PUBLISHED)
        rows.append((*row, *search_row(article, names_text(values[-2], users.get(reporter_id), others))))
    return rows


# A transaction that writes many articles (the Gnuboard import) turns the trigger off for itself alone and
# indexes them with index_articles() before it commits; every other session's writes are indexed by the
# trigger as always (migration 0004). Deletions are always the trigger's.
TRIGGER_OFF = "search.trigger_off"


def set_trigger_off(off=True):
    """Until this transaction ends (or this is called with False), the trigger leaves this session's articles alone."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT set_config(%s, %s, true)", [TRIGGER_OFF, "on" if off else "off"])


def index_articles(ids):
    """Compute the search rows of these articles here and write them over their old ones, in the caller's
    transaction: what the trigger would have done, for a batch at once. Returns how many were written."""
    ids = sorted(set(ids))
    if not ids:
        return 0
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT article_id, reporter_id FROM articles_byline WHERE article_id = ANY(%s) ORDER BY id", [ids]
        )
        shared = {}
        for article_id, reporter_id in cursor.fetchall():
            shared.setdefault(article_id, []).append(reporter_id)
        cursor.execute(
            "SELECT id, last_name || first_name FROM accounts_user WHERE id = ANY(%s) "
            "OR id IN (SELECT reporter_id FROM articles_article WHERE id = ANY(%s))",
            [sorted({reporter for reporters in shared.values() for reporter in reporters}), ids],
        )
        users = dict(cursor.fetchall())
        cursor.execute(SELECT_ARTICLES + "WHERE id = ANY(%s)", [ids])
        rows = _selected_rows(cursor, users, shared)
        cursor.execute(f"DELETE FROM {TABLE} WHERE article_id = ANY(%s)", [ids])  # noqa: S608 constants
        copy_rows(cursor, TABLE, COLUMNS, rows)
    return len(rows)


_worker_names = None


def _start_worker(users, shared):
    global _worker_names  # noqa: PLW0603 one value per worker process, set once
    import django

    django.setup()
    _worker_names = (users, shared)


def _worker_range(bounds):
    with transaction.atomic():
        return index_range(*bounds, *_worker_names)


def _create_index(build, progress=None):
    name, definition, maintenance_work_mem = build
    if progress:
        progress.note(f"색인 만드는 중: {name}")
    with connection.cursor() as cursor:
        cursor.execute(f"SET maintenance_work_mem = '{maintenance_work_mem}'")
        cursor.execute(f"CREATE INDEX {name}_new ON {TABLE}_new {definition}")
        cursor.execute("RESET maintenance_work_mem")


def _ranges(cursor):
    """Id ranges of about CHUNK articles each."""
    cursor.execute("SELECT coalesce(min(id), 0), coalesce(max(id), -1) FROM articles_article")
    low, high = cursor.fetchone()
    return [(start, min(start + CHUNK - 1, high)) for start in range(low, high + 1, CHUNK)]


def rebuild(progress=None, maintenance_work_mem="1GB", workers=2):
    """Recompute every article's search row into a new table, index it, and swap it in.

    Searches keep answering from the old table until the swap; articles saved
    meanwhile are indexed again by the trigger after it. Returns the row count.
    """
    started = time.time()
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM articles_article")
        (total,) = cursor.fetchone()
        cursor.execute("SELECT now()")
        (since,) = cursor.fetchone()
        users, shared = _names(cursor)
        cursor.execute(f"DROP TABLE IF EXISTS {TABLE}_new")
        cursor.execute(
            f"CREATE TABLE {TABLE}_new (LIKE {TABLE} INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING COMPRESSION)"
        )
        cursor.execute(f"ALTER TABLE {TABLE}_new ADD PRIMARY KEY (article_id)")
    if progress:
        progress.start(total)
    done = 0
    with connection.cursor() as cursor:
        ranges = _ranges(cursor)
    builds = [(name, definition, maintenance_work_mem) for name, definition in INDEXES.items()]
    # Inside a transaction (a test, a caller's atomic block) other connections cannot see the new table.
    if workers < 1 or connection.in_atomic_block:
        for bounds in ranges:
            done += index_range(*bounds, users, shared)
            if progress:
                progress.update(done)
        for build in builds:
            _create_index(build, progress)
    else:
        # Spawned, not forked: each worker opens its own connection and COPYs its own ranges, then
        # builds one of the indexes, the two GIN indexes at the same time.
        context = multiprocessing.get_context("spawn")
        with context.Pool(workers, initializer=_start_worker, initargs=(users, shared)) as pool:
            for count in pool.imap_unordered(_worker_range, ranges):
                done += count
                if progress:
                    progress.update(done)
            if progress:
                progress.note(f"색인 만드는 중: {', '.join(INDEXES)}")
            pool.map(_create_index, builds, chunksize=1)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"LOCK TABLE {TABLE} IN ACCESS EXCLUSIVE MODE")
        cursor.execute(f"DROP TABLE {TABLE}")
        cursor.execute(f"ALTER TABLE {TABLE}_new RENAME TO {TABLE}")
        cursor.execute(f"ALTER INDEX {TABLE}_new_pkey RENAME TO {TABLE}_pkey")
        for name in INDEXES:
            cursor.execute(f"ALTER INDEX {name}_new RENAME TO {name}")
        # Saved while the copy ran: the trigger wrote them to the old table.
        cursor.execute("SELECT search_articletext_refresh(id) FROM articles_article WHERE updated_at >= %s", [since])
        cursor.execute(
            f"DELETE FROM {TABLE} AS s WHERE NOT EXISTS (SELECT 1 FROM articles_article a WHERE a.id = s.article_id)"  # noqa: S608 constants
        )
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {TABLE}")
    if progress:
        progress.finish()
    return done, time.time() - started
