"""Search over articles on PostgreSQL: a text copy of each article and two GIN indexes on it.

`search_articletext` holds, per article, the text a search matches (title,
subtitle, summary and the body without its tags). Triggers on the articles
table keep it in sync on every insert, update, delete and truncate, so bulk
inserts, fixtures and the admin all stay searchable and the core never has to
call this app. A trigram index (pg_trgm) answers terms of three or more
characters; a bigram index answers two-character terms such as 경제, which
trigrams cannot. Nothing is created on SQLite: there search_document() is a
Python function registered on each connection (search/apps.py).
"""

from django.db import migrations

# Mirrors search.text.search_document: inline tags vanish, other tags separate
# words, the entities nh3 leaves in text are decoded.
CREATE_FUNCTIONS = r"""
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

-- Every distinct two-character piece of the words of a text, lower-cased: what
-- a term of two characters is looked up by (the idea of pg_bigm). Splitting
-- into words first keeps substr() cheap on multibyte text.
CREATE OR REPLACE FUNCTION search_bigrams(document text)
RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT coalesce(array_agg(DISTINCT lower(substr(word, i, 2))), '{}')
FROM regexp_split_to_table(document, '\s+') AS word, generate_series(1, length(word) - 1) AS i
$$;

-- The text is stored lower-cased so that searches use LIKE, several times faster
-- than ILIKE on Korean text (ILIKE lower-cases every row it checks). Bigrams are
-- stored, not indexed as an expression: a bitmap scan rechecks its whole
-- condition on each candidate row, and recomputing them there is slow.
CREATE TABLE search_articletext (
    article_id bigint PRIMARY KEY,
    document text NOT NULL,
    bigrams text[] NOT NULL
);

CREATE OR REPLACE FUNCTION search_articletext_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM search_articletext WHERE article_id = OLD.id;
        RETURN NULL;
    END IF;
    INSERT INTO search_articletext (article_id, document, bigrams)
    SELECT NEW.id, text.document, search_bigrams(text.document)
    FROM (SELECT lower(search_document(NEW.title, NEW.subtitle, NEW.summary, NEW.body)) AS document) AS text
    ON CONFLICT (article_id) DO UPDATE SET document = EXCLUDED.document, bigrams = EXCLUDED.bigrams;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION search_articletext_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE search_articletext;
    RETURN NULL;
END
$$;

CREATE TRIGGER search_articletext_write
AFTER INSERT OR UPDATE OF title, subtitle, summary, body OR DELETE ON articles_article
FOR EACH ROW EXECUTE FUNCTION search_articletext_sync();

CREATE TRIGGER search_articletext_truncate
AFTER TRUNCATE ON articles_article
FOR EACH STATEMENT EXECUTE FUNCTION search_articletext_clear();

INSERT INTO search_articletext (article_id, document, bigrams)
SELECT id, document, search_bigrams(document)
FROM (SELECT id, lower(search_document(title, subtitle, summary, body)) AS document FROM articles_article) AS texts;
"""

CREATE_INDEXES = """
CREATE INDEX search_articletext_trgm ON search_articletext USING gin (document gin_trgm_ops);
CREATE INDEX search_articletext_bigrams ON search_articletext USING gin (bigrams);
"""

DROP = """
DROP TRIGGER IF EXISTS search_articletext_truncate ON articles_article;
DROP TRIGGER IF EXISTS search_articletext_write ON articles_article;
DROP FUNCTION IF EXISTS search_articletext_clear();
DROP FUNCTION IF EXISTS search_articletext_sync();
DROP TABLE IF EXISTS search_articletext;
DROP FUNCTION IF EXISTS search_bigrams(text);
DROP FUNCTION IF EXISTS search_document(text, text, text, text);
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm;")
    schema_editor.execute(CREATE_FUNCTIONS)
    schema_editor.execute(CREATE_INDEXES)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("articles", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
