"""Articles inserted in bulk reach the search index without its per-row trigger (PostgreSQL only).

The search app keeps `search_articletext` in sync with a row trigger on the articles table that
computes each article's text and bigrams in SQL: about 3.4 ms an article, a third of an import's time.
For a batch of imported articles the trigger is switched off inside the batch's transaction (the
ALTER TABLE is transactional and holds the table's lock until commit, so no other session ever writes
an article while it is off) and the same rows are written here from text computed in Python, mirroring
the SQL functions of search/migrations/0001 exactly; tests/gnuboard compares both on PostgreSQL.
"""

import contextlib
import re

from django.db import connection

from .bulk import array_literal, insert_rows

_INLINE_TAG = re.compile(r"</?(a|b|i|u|s|em|strong|span|mark|sub|sup|code|small)(\s[^>]*)?>", re.IGNORECASE)
_ANY_TAG = re.compile(r"<[^>]*>")
_SPACES = re.compile(r"\s+")
_ENTITIES = (("&nbsp;", " "), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&#39;", "'"), ("&amp;", "&"))
TRIGGER = "search_articletext_write"


def document(title, subtitle, summary, body):
    """lower(search_document(title, subtitle, summary, body)) as the SQL function computes it."""
    text = _ANY_TAG.sub(" ", _INLINE_TAG.sub("", body or ""))
    for entity, char in _ENTITIES:
        text = text.replace(entity, char)
    return f"{title or ''} {subtitle or ''} {summary or ''} {_SPACES.sub(' ', text)}".lower()


def bigrams(text):
    """search_bigrams(document): every distinct two-character piece of each word."""
    return sorted({word[i : i + 2] for word in _SPACES.split(text) for i in range(len(word) - 1)})


def available():
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_trigger WHERE tgname = %s AND NOT tgisinternal", [TRIGGER])
        return cursor.fetchone() is not None


@contextlib.contextmanager
def trigger_off():
    """Inside a transaction: insert articles without the trigger, then index_rows() them."""
    with connection.cursor() as cursor:
        # ALTER TABLE refuses while foreign-key checks Django defers to the commit are queued: run them now.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute(f"ALTER TABLE articles_article DISABLE TRIGGER {TRIGGER}")
        yield
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute(f"ALTER TABLE articles_article ENABLE TRIGGER {TRIGGER}")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def index_articles(articles):
    """Write the search rows of just-inserted articles in one COPY."""
    rows = []
    for article in articles:
        text = document(article.title, article.subtitle, article.summary, article.body)
        rows.append((article.pk, text, array_literal(bigrams(text))))
    insert_rows("search_articletext", ("article_id", "document", "bigrams"), rows)
