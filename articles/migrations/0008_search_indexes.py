"""PostgreSQL search support: extensions, a French accent-insensitive text
search configuration, and GIN indexes. A no-op on other databases.

The indexes are built from the same expressions the queries use
(website.search), so PostgreSQL can match them. Creating the extensions needs
a role allowed to (the database owner on PostgreSQL 13+ for these trusted
extensions, or a superuser).
"""

from django.contrib.postgres.indexes import GinIndex
from django.db import migrations

from django.contrib.postgres.search import SearchVector


def search_vector():
    # The search document as it stood when this migration was written (the
    # reader site's search, website/search.py, reads the same columns).
    return (
        SearchVector("title", weight="A", config="french_unaccent")
        + SearchVector("standfirst", weight="B", config="french_unaccent")
        + SearchVector("body", weight="C", config="french_unaccent")
    )


SETUP = """
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'french_unaccent') THEN
        CREATE TEXT SEARCH CONFIGURATION french_unaccent (COPY = french);
        ALTER TEXT SEARCH CONFIGURATION french_unaccent
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
    END IF;
END $$;
CREATE OR REPLACE FUNCTION newsday_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
CREATE INDEX IF NOT EXISTS article_title_trgm_idx ON articles_article
    USING gin (newsday_unaccent(lower(title)) gin_trgm_ops);
"""
TEARDOWN = """
DROP INDEX IF EXISTS article_title_trgm_idx;
DROP FUNCTION IF EXISTS newsday_unaccent(text);
DROP TEXT SEARCH CONFIGURATION IF EXISTS french_unaccent;
"""


def search_index():
    return GinIndex(search_vector(), name="article_search_idx")


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(SETUP)
    schema_editor.add_index(apps.get_model("articles", "Article"), search_index())


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.remove_index(apps.get_model("articles", "Article"), search_index())
    schema_editor.execute(TEARDOWN)


class Migration(migrations.Migration):
    dependencies = [("articles", "0007_editorial_roles")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
