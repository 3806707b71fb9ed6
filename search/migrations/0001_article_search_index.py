"""Search over articles on PostgreSQL: pg_trgm, a `search_document()` function and a GIN index on it.

The index lives on the articles table but is an expression index owned by
this app: no column is added and nothing has to be kept in sync, so bulk
inserts and other apps' migrations cannot leave it stale. On SQLite the same
function is registered in Python on each connection (search/apps.py) and
nothing is created here.
"""

from django.db import migrations

# Mirrors search.text.html_to_text: inline tags vanish, other tags separate words,
# the entities nh3 leaves in text are decoded.
CREATE_FUNCTION = r"""
CREATE OR REPLACE FUNCTION search_document(title text, subtitle text, summary text, body text)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT coalesce(title, '') || ' ' || coalesce(subtitle, '') || ' ' || coalesce(summary, '') || ' ' ||
  regexp_replace(
    replace(replace(replace(replace(replace(replace(
      regexp_replace(
        regexp_replace(coalesce(body, ''), '</?(a|b|i|u|s|em|strong|span|mark|sub|sup|code|small)(\s[^>]*)?>', '', 'gi'),
        '<[^>]*>', ' ', 'g'),
      '&nbsp;', ' '), '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&#39;', ''''), '&amp;', '&'),
    '\s+', ' ', 'g')
$$;
"""

CREATE_INDEX = """
CREATE INDEX search_article_document_trgm ON articles_article
USING gin (search_document(title, subtitle, summary, body) gin_trgm_ops);
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm;")
    schema_editor.execute(CREATE_FUNCTION)
    schema_editor.execute(CREATE_INDEX)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS search_article_document_trgm;")
    schema_editor.execute("DROP FUNCTION IF EXISTS search_document(text, text, text, text);")


class Migration(migrations.Migration):
    dependencies = [("articles", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
