"""The pairs across a space get their own column and GIN index (`across`); `tokens` keeps the pairs inside words.

Building one GIN index of both kinds took 117-128 s per 100,000 articles; the two built one after the
other take about two thirds of that, and search.index.rebuild() builds them at the same time in its two
worker processes. A phrase's query asks both indexes (`tokens @> … AND across @> …`). Both arrays are
compressed with lz4 like the document (pglz cost about as much as the rest of a COPY of the rows).

Existing rows are computed again by search.index.rebuild(), as in 0005. Going back puts the pairs across
a space back into `tokens`. Nothing on SQLite.
"""

from django.db import migrations

REFRESH = r"""
CREATE OR REPLACE FUNCTION search_articletext_refresh(target bigint)
RETURNS void LANGUAGE sql AS $$
INSERT INTO search_articletext (article_id, section_id, published_at, public, title, document, tokens, across)
SELECT a.id, a.section_id, a.published_at, a.status = 'published', t.title, t.document,
       ARRAY(SELECT p FROM unnest(pairs.all) AS p WHERE p & (1::bigint << 43) = 0),
       ARRAY(SELECT p FROM unnest(pairs.all) AS p WHERE p & (1::bigint << 43) <> 0)
FROM articles_article AS a,
     LATERAL (SELECT lower(a.title) AS title,
                     lower(search_document(a.title, a.subtitle, a.summary, a.body) || ' '
                           || search_article_names(a.id, a.reporter_id, a.byline)) AS document) AS t,
     LATERAL (SELECT search_bigrams(t.document) || search_bigrams(t.title, 1::bigint << 42) AS all) AS pairs
WHERE a.id = target
ON CONFLICT (article_id) DO UPDATE SET
    section_id = EXCLUDED.section_id, published_at = EXCLUDED.published_at, public = EXCLUDED.public,
    title = EXCLUDED.title, document = EXCLUDED.document, tokens = EXCLUDED.tokens, across = EXCLUDED.across;
DELETE FROM search_articletext
WHERE article_id = target AND NOT EXISTS (SELECT 1 FROM articles_article WHERE id = target);
$$;
"""

PREVIOUS_REFRESH = r"""
CREATE OR REPLACE FUNCTION search_articletext_refresh(target bigint)
RETURNS void LANGUAGE sql AS $$
INSERT INTO search_articletext (article_id, section_id, published_at, public, title, document, tokens)
SELECT a.id, a.section_id, a.published_at, a.status = 'published', t.title, t.document,
       search_bigrams(t.document) || search_bigrams(t.title, 1::bigint << 42)
FROM articles_article AS a,
     LATERAL (SELECT lower(a.title) AS title,
                     lower(search_document(a.title, a.subtitle, a.summary, a.body) || ' '
                           || search_article_names(a.id, a.reporter_id, a.byline)) AS document) AS t
WHERE a.id = target
ON CONFLICT (article_id) DO UPDATE SET
    section_id = EXCLUDED.section_id, published_at = EXCLUDED.published_at, public = EXCLUDED.public,
    title = EXCLUDED.title, document = EXCLUDED.document, tokens = EXCLUDED.tokens;
DELETE FROM search_articletext
WHERE article_id = target AND NOT EXISTS (SELECT 1 FROM articles_article WHERE id = target);
$$;
"""

# From this many rows the rebuild runs in two worker processes (spawning them costs a few seconds).
WORKERS_FROM = 20000


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        "ALTER TABLE search_articletext ADD COLUMN across bigint[] NOT NULL DEFAULT '{}', "
        "ALTER COLUMN tokens SET COMPRESSION lz4, ALTER COLUMN across SET COMPRESSION lz4"
    )
    schema_editor.execute(REFRESH)
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM search_articletext")
        (rows,) = cursor.fetchone()
    if rows:
        from search.index import rebuild

        rebuild(workers=2 if rows >= WORKERS_FROM else 0)  # builds search_articletext_across too
    else:
        schema_editor.execute("CREATE INDEX search_articletext_across ON search_articletext USING gin (across)")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(PREVIOUS_REFRESH)
        schema_editor.execute("UPDATE search_articletext SET tokens = tokens || across")
        schema_editor.execute("ALTER TABLE search_articletext DROP COLUMN across")


class Migration(migrations.Migration):
    atomic = False  # the rebuild's workers need the new column and function committed
    dependencies = [("search", "0005_pairs_across_a_space")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
