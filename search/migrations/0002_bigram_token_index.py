"""Search data that scales: bigram tokens in one GIN index, linear to compute, names included.

Replaces 0001's trigram index and quadratic bigram function (see docs/search.md
for the figures behind the choice). Per article, `search_articletext` holds:

- `document`: the lower-cased text a search matches (title, subtitle, summary,
  body without tags, byline and the reporters' names with 기자), rechecked with
  LIKE so a term matches exactly as typed;
- `tokens`: every distinct two-character piece of its words as a number, and
  the same of the title's words marked (what 정확도순 puts first), in one GIN index;
- `section_id`, `published_at`, `public`: so the search filters, counts and
  orders without touching the articles table, by the partial index on date.

search_bigrams() walks the text once (unnest + lag), so a 200,000-character
word costs about as much as 200,000 characters of words. Triggers keep the
table in sync on every write to an article or a shared byline; the bulk paths
(`bench_data`, `search_rebuild`) compute the same rows in Python (search/index.py).
Nothing is created on SQLite.
"""

from django.db import migrations

FORWARD = r"""
DROP TRIGGER IF EXISTS search_articletext_truncate ON articles_article;
DROP TRIGGER IF EXISTS search_articletext_write ON articles_article;
DROP FUNCTION IF EXISTS search_articletext_clear();
DROP FUNCTION IF EXISTS search_articletext_sync();
DROP TABLE IF EXISTS search_articletext;
DROP FUNCTION IF EXISTS search_bigrams(text);

-- Distinct two-character pieces of the words of a text, in one pass: each
-- character paired with the one before it, pairs with a space dropped. A pair
-- is stored as one number, (first code point << 21) | second, plus `mark`
-- (1 << 42 for the title's pairs): a GIN index on numbers builds about three
-- times faster than on text.
CREATE FUNCTION search_bigrams(document text, mark bigint DEFAULT 0)
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

-- As 0001's, with the body's text trimmed like search.text.html_to_text().
CREATE OR REPLACE FUNCTION search_document(title text, subtitle text, summary text, body text)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT coalesce(title, '') || ' ' || coalesce(subtitle, '') || ' ' || coalesce(summary, '') || ' ' ||
  btrim(regexp_replace(
    replace(replace(replace(replace(replace(replace(
      regexp_replace(
        regexp_replace(coalesce(body, ''), '</?(a|b|i|u|s|em|strong|span|mark|sub|sup|code|small)(\s[^>]*)?>', '', 'gi'),
        '<[^>]*>', ' ', 'g'),
      '&nbsp;', ' '), '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&#39;', ''''), '&amp;', '&'),
    '\s+', ' ', 'g'))
$$;

-- The names a reader may search an article by: the byline as typed, the
-- reporter's and each shared byline's name with 기자 (김파주 기자).
CREATE FUNCTION search_article_names(article bigint, reporter bigint, byline text)
RETURNS text LANGUAGE sql STABLE AS $$
SELECT concat_ws(' ',
    nullif(byline, ''),
    (SELECT nullif(last_name || first_name, '') || ' 기자' FROM accounts_user WHERE id = reporter),
    (SELECT string_agg(nullif(u.last_name || u.first_name, '') || ' 기자', ' ' ORDER BY b.id)
     FROM articles_byline b JOIN accounts_user u ON u.id = b.reporter_id
     WHERE b.article_id = article AND b.reporter_id <> reporter))
$$;

CREATE TABLE search_articletext (
    article_id bigint PRIMARY KEY,
    section_id bigint NOT NULL,
    published_at timestamptz NOT NULL,
    public boolean NOT NULL,
    title text NOT NULL,
    document text COMPRESSION lz4 NOT NULL,
    tokens bigint[] NOT NULL
);

CREATE FUNCTION search_articletext_refresh(target bigint)
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

CREATE FUNCTION search_articletext_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM search_articletext WHERE article_id = OLD.id;
    ELSE
        PERFORM search_articletext_refresh(NEW.id);
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION search_articletext_byline_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM search_articletext_refresh(OLD.article_id);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM search_articletext_refresh(NEW.article_id);
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION search_articletext_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE search_articletext;
    RETURN NULL;
END
$$;

CREATE TRIGGER search_articletext_write
AFTER INSERT OR UPDATE OF title, subtitle, summary, body, byline, reporter_id, section_id, status, published_at
OR DELETE ON articles_article
FOR EACH ROW EXECUTE FUNCTION search_articletext_sync();

CREATE TRIGGER search_articletext_truncate
AFTER TRUNCATE ON articles_article
FOR EACH STATEMENT EXECUTE FUNCTION search_articletext_clear();

CREATE TRIGGER search_articletext_byline
AFTER INSERT OR UPDATE OR DELETE ON articles_byline
FOR EACH ROW EXECUTE FUNCTION search_articletext_byline_sync();

CREATE INDEX search_articletext_tokens ON search_articletext USING gin (tokens);
CREATE INDEX search_articletext_latest ON search_articletext (published_at DESC, article_id DESC) WHERE public;
"""

BACKWARD = """
DROP TRIGGER IF EXISTS search_articletext_byline ON articles_byline;
DROP FUNCTION IF EXISTS search_articletext_byline_sync();
DROP FUNCTION IF EXISTS search_articletext_refresh(bigint);
DROP FUNCTION IF EXISTS search_article_names(bigint, bigint, text);
DROP TRIGGER IF EXISTS search_articletext_truncate ON articles_article;
DROP TRIGGER IF EXISTS search_articletext_write ON articles_article;
DROP FUNCTION IF EXISTS search_articletext_clear();
DROP FUNCTION IF EXISTS search_articletext_sync();
DROP TABLE IF EXISTS search_articletext;
DROP FUNCTION IF EXISTS search_bigrams(text, bigint);
"""


# Row by row in SQL a big archive takes hours here; `manage.py search_rebuild` does it in minutes.
FILL_IN_MIGRATION = 20000


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(FORWARD)
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM articles_article")
        (articles,) = cursor.fetchone()
    if articles <= FILL_IN_MIGRATION:
        schema_editor.execute("SELECT search_articletext_refresh(id) FROM articles_article")
    else:
        print(f"\n  검색 색인이 비어 있습니다: 기사 {articles:,}건은 `python manage.py search_rebuild`로 색인하세요.")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_article_search_index"), ("articles", "0005_newsroom_workflow_roles")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
