"""Pairs across a space: the last letter of a word and the first of the next, with bit 43 set.

A phrase of common words ("마을버스 노선") had only common pairs, so every article holding all of
them was read to check the phrase: half a second at a million articles. Its pair across the space
(스 노) is rare, so the GIN index now narrows the candidates first. search_bigrams() adds the pair
wherever exactly one plain space (U+0020) separates two letters, as search.index.bigrams() does.

Existing rows are computed again by search.index.rebuild() in migration 0006, which moved these pairs to
a column of their own (a rebuild here would write the rows of today's code, which 0006's column holds).
Going back recomputes the pairs in SQL. Nothing on SQLite.
"""

from django.db import migrations

FUNCTION = r"""
CREATE OR REPLACE FUNCTION search_bigrams(document text, mark bigint DEFAULT 0)
RETURNS bigint[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT coalesce(array_agg(DISTINCT code), '{}')
FROM (
    SELECT CASE
        WHEN NOT space AND NOT lag(space) OVER w THEN ((lag(cp) OVER w) << 21) | cp | mark
        WHEN NOT space AND lag(ch) OVER w = ' ' AND NOT lag(space, 2) OVER w
            THEN ((lag(cp, 2) OVER w) << 21) | cp | mark | (1::bigint << 43)
    END AS code
    FROM (
        SELECT ch, ascii(ch)::bigint AS cp, ch IN (' ', E'\t', E'\n', E'\r', E'\f', E'\v') AS space, n
        FROM unnest(string_to_array(document, NULL)) WITH ORDINALITY AS chars(ch, n)
    ) AS characters
    WINDOW w AS (ORDER BY n)
) AS pairs
WHERE code IS NOT NULL
$$;
"""

PREVIOUS = r"""
CREATE OR REPLACE FUNCTION search_bigrams(document text, mark bigint DEFAULT 0)
RETURNS bigint[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT coalesce(array_agg(DISTINCT code), '{}')
FROM (
    SELECT ((lag(cp) OVER (ORDER BY n)) << 21) | cp | mark AS code, (lag(space) OVER (ORDER BY n)) OR space AS gap
    FROM (
        SELECT ascii(ch)::bigint AS cp, ch IN (' ', E'\t', E'\n', E'\r', E'\f', E'\v') AS space, n
        FROM unnest(string_to_array(document, NULL)) WITH ORDINALITY AS chars(ch, n)
    ) AS characters
) AS pairs
WHERE NOT gap
$$;
"""

RETOKEN = "UPDATE search_articletext SET tokens = search_bigrams(document) || search_bigrams(title, 1::bigint << 42)"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FUNCTION)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(PREVIOUS)
        schema_editor.execute(RETOKEN)


class Migration(migrations.Migration):
    dependencies = [("search", "0004_trigger_off_for_bulk_writers")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
