"""PostgreSQL: the search document stored in the row instead of computed by
each query. A no-op on other databases.

Two generated columns, kept up to date by PostgreSQL on every write (the ORM,
``bulk_create``, raw SQL alike) and unknown to Django's models, so that no
page ever loads them:

- ``search_document``: title (A), chapô (B) and text (C), GIN-indexed; the
  searches match it. It replaces the expression index of ``search_indexes``,
  whose queries had to run ``to_tsvector`` over the text of every candidate
  to rank it (seconds on a large archive).
- ``search_summary``: title and chapô only, a few hundred bytes kept in the
  row (storage MAIN); results are ranked by it, which costs no visit to the
  TOAST table per match.

``toast_tuple_target`` moves the long text and the document out of the row,
so that list pages, counts and searches scan a table about ten times smaller.
Adding the columns rewrites the table once (about two minutes per 100,000
articles).
"""

from importlib import import_module

from django.db import migrations

DOCUMENT = """
    setweight(to_tsvector('french_unaccent'::regconfig, coalesce(title, '')), 'A')
    || setweight(to_tsvector('french_unaccent'::regconfig, coalesce(standfirst, '')), 'B')
    || setweight(to_tsvector('french_unaccent'::regconfig, coalesce(body, '')), 'C')
"""
SUMMARY = """
    setweight(to_tsvector('french_unaccent'::regconfig, coalesce(title, '')), 'A')
    || setweight(to_tsvector('french_unaccent'::regconfig, coalesce(standfirst, '')), 'B')
"""
SETUP = f"""
ALTER TABLE articles_article
    SET (toast_tuple_target = 1024),
    ADD COLUMN IF NOT EXISTS search_document tsvector
        GENERATED ALWAYS AS ({DOCUMENT}) STORED,
    ADD COLUMN IF NOT EXISTS search_summary tsvector
        GENERATED ALWAYS AS ({SUMMARY}) STORED,
    ALTER COLUMN search_summary SET STORAGE MAIN;
CREATE INDEX IF NOT EXISTS article_search_document_idx ON articles_article
    USING gin (search_document);
DROP INDEX IF EXISTS article_search_idx;
"""
TEARDOWN = """
ALTER TABLE articles_article
    RESET (toast_tuple_target),
    DROP COLUMN IF EXISTS search_summary,
    DROP COLUMN IF EXISTS search_document;
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(SETUP)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    search_indexes = import_module("articles.migrations.0008_search_indexes")
    schema_editor.execute(TEARDOWN)
    article = apps.get_model("articles", "Article")
    schema_editor.add_index(article, search_indexes.search_index())


class Migration(migrations.Migration):
    dependencies = [("articles", "0009_reader_indexes")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
