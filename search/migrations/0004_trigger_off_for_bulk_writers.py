"""The article trigger skips a transaction that indexes its own articles in bulk (search.index.index_articles).

Such a transaction sets `search.trigger_off` for itself (set_config(…, true), gone at its end); every other
session is indexed by the trigger as before. Deletions are always the trigger's. Nothing on SQLite.
"""

from django.db import migrations

SYNC = r"""
CREATE OR REPLACE FUNCTION search_articletext_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM search_articletext WHERE article_id = OLD.id;
    ELSIF coalesce(current_setting('search.trigger_off', true), '') <> 'on' THEN
        PERFORM search_articletext_refresh(NEW.id);
    END IF;
    RETURN NULL;
END
$$;
"""

PREVIOUS = r"""
CREATE OR REPLACE FUNCTION search_articletext_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM search_articletext WHERE article_id = OLD.id;
    ELSE
        PERFORM search_articletext_refresh(NEW.id);
    END IF;
    RETURN NULL;
END
$$;
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(SYNC)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(PREVIOUS)


class Migration(migrations.Migration):
    dependencies = [("search", "0003_query_count")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
