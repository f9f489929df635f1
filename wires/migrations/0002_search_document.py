"""PostgreSQL: the desk's French full-text search on a stored, GIN-indexed
document (headline A, slug and subheadline B, text C), as the articles'
``search_document``; a no-op on other databases."""

from django.db import migrations

SETUP = """
ALTER TABLE wires_wireitem
    ADD COLUMN IF NOT EXISTS search_document tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('french_unaccent'::regconfig, coalesce(headline, '')), 'A')
        || setweight(to_tsvector('french_unaccent'::regconfig,
            coalesce(slugline, '') || ' ' || coalesce(subheadline, '')), 'B')
        || setweight(to_tsvector('french_unaccent'::regconfig, coalesce(body_html, '')), 'C')
    ) STORED;
CREATE INDEX IF NOT EXISTS wire_search_idx ON wires_wireitem USING gin (search_document);
"""
TEARDOWN = "ALTER TABLE wires_wireitem DROP COLUMN IF EXISTS search_document;"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(SETUP)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(TEARDOWN)


class Migration(migrations.Migration):
    dependencies = [
        ("wires", "0001_initial"),
        # The french_unaccent text search configuration.
        ("articles", "0010_search_document"),
    ]

    operations = [migrations.RunPython(create, drop)]
