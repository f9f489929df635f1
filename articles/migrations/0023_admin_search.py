"""PostgreSQL: the article admin's search reads indexes, not the archive.
A no-op on other databases.

The admin matches each word of a search as a part of a word in the title,
the chapô or the slug, case and accents ignored (articles/admin/search.py).
``icontains`` over three columns read every article (a second at 100,000
articles). Now each column has a trigram index:

- the title: its folded copy ``search_title`` (migration ``search_title``);
- the chapô: ``search_standfirst``, its folded copy, generated and stored
  by PostgreSQL as ``search_title`` is (folding each matching chapô at query
  time, a dictionary lookup per character, would cost about 10 µs a row);
  kept in the row (storage MAIN), unknown to the models;
- the slug, already lower case and without accents, as it is.

Adding the column rewrites the table once (under a minute per 100,000
articles).
"""

from django.db import migrations

SETUP = """
ALTER TABLE articles_article
    ADD COLUMN IF NOT EXISTS search_standfirst text
        GENERATED ALWAYS AS (newsday_unaccent(lower(standfirst))) STORED,
    ALTER COLUMN search_standfirst SET STORAGE MAIN;
CREATE INDEX IF NOT EXISTS article_search_standfirst_trgm_idx ON articles_article
    USING gin (search_standfirst gin_trgm_ops);
CREATE INDEX IF NOT EXISTS article_slug_trgm_idx ON articles_article
    USING gin (slug gin_trgm_ops);
"""
TEARDOWN = """
DROP INDEX IF EXISTS article_slug_trgm_idx;
ALTER TABLE articles_article DROP COLUMN IF EXISTS search_standfirst;
"""


def run(sql):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return apply


class Migration(migrations.Migration):
    dependencies = [("articles", "0022_trash_and_seo_fields")]

    operations = [migrations.RunPython(run(SETUP), run(TEARDOWN), elidable=False)]
