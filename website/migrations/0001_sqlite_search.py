"""SQLite: the reader search's full-text index (FTS5). A no-op elsewhere:
PostgreSQL has its own stored documents (``articles`` migrations
``search_document`` and ``search_title``).

- ``website_search_source``: a view, one row per article: title, chapô,
  text without tags, rubrique name and author names. The one definition of
  what is indexed, read by the triggers and by a rebuild.
- ``website_search``: FTS5 over those columns; ``unicode61 remove_diacritics
  2`` ignores case and accents. It keeps its own copy of the text rather
  than being an external-content table: a row is then removed by its id
  alone, whereas an external-content table must be given the exact old
  values, drawn here from four tables, and a mismatch corrupts it silently.
- ``website_search_title``: the folded titles, trigram-tokenized, for the
  typo-forgiving search (SQLite 3.34 or later).
- Triggers keep both in step with every write to articles, rubriques, authors
  and bylines: the ORM, ``QuerySet.update()``, ``bulk_create`` and raw SQL
  alike. Every article is indexed whatever its status: the index only finds
  candidates, and the search keeps those that ``published()`` lets through.

The text and the folded title come from two functions that Django registers
on each SQLite connection (``website.search.register_sqlite_functions``):
writing articles from outside Django (the ``sqlite3`` shell) needs them too.
"""

from django.db import migrations

from website.search import register_sqlite_functions

# The articles whose index rows a trigger rewrites, as a subquery.
REFRESH = """
    DELETE FROM website_search WHERE rowid IN ({ids});
    INSERT INTO website_search(rowid, title, standfirst, body, section, authors)
        SELECT id, title, standfirst, body, section, authors
        FROM website_search_source WHERE id IN ({ids});
"""
REFRESH_TITLE = """
    DELETE FROM website_search_title WHERE rowid IN ({ids});
    INSERT INTO website_search_title(rowid, title)
        SELECT id, folded_title FROM website_search_source WHERE id IN ({ids});
"""
BYLINE_ARTICLES = "SELECT article_id FROM articles_articleauthor WHERE author_id = NEW.id"

SETUP = [
    """
    CREATE VIEW website_search_source AS
    SELECT a.id AS id, a.title AS title, a.standfirst AS standfirst,
        website_plain_text(a.body) AS body, s.name AS section,
        (SELECT group_concat(au.name, ', ')
            FROM articles_articleauthor b
            JOIN articles_author au ON au.id = b.author_id
            WHERE b.article_id = a.id) AS authors,
        website_fold(a.title) AS folded_title
    FROM articles_article a JOIN articles_section s ON s.id = a.section_id
    """,
    """
    CREATE VIRTUAL TABLE website_search USING fts5(
        title, standfirst, body, section, authors,
        tokenize = 'unicode61 remove_diacritics 2'
    )
    """,
    """
    CREATE VIRTUAL TABLE website_search_title USING fts5(
        title, tokenize = 'trigram'
    )
    """,
    f"""
    CREATE TRIGGER website_search_article_insert AFTER INSERT ON articles_article
    BEGIN {REFRESH.format(ids="NEW.id")} {REFRESH_TITLE.format(ids="NEW.id")} END
    """,
    f"""
    CREATE TRIGGER website_search_article_update
    AFTER UPDATE OF id, title, standfirst, body, section_id ON articles_article
    -- A save writes every column: only a change of these rewrites the row.
    WHEN OLD.id IS NOT NEW.id OR OLD.title IS NOT NEW.title
        OR OLD.standfirst IS NOT NEW.standfirst OR OLD.body IS NOT NEW.body
        OR OLD.section_id IS NOT NEW.section_id
    BEGIN
        DELETE FROM website_search WHERE rowid = OLD.id;
        DELETE FROM website_search_title WHERE rowid = OLD.id;
        {REFRESH.format(ids="NEW.id")} {REFRESH_TITLE.format(ids="NEW.id")}
    END
    """,
    """
    CREATE TRIGGER website_search_article_delete AFTER DELETE ON articles_article
    BEGIN
        DELETE FROM website_search WHERE rowid = OLD.id;
        DELETE FROM website_search_title WHERE rowid = OLD.id;
    END
    """,
    f"""
    CREATE TRIGGER website_search_section_update
    AFTER UPDATE OF name ON articles_section WHEN OLD.name IS NOT NEW.name
    BEGIN
        {REFRESH.format(ids="SELECT id FROM articles_article WHERE section_id = NEW.id")}
    END
    """,
    f"""
    CREATE TRIGGER website_search_author_update
    AFTER UPDATE OF name ON articles_author WHEN OLD.name IS NOT NEW.name
    BEGIN {REFRESH.format(ids=BYLINE_ARTICLES)} END
    """,
    f"""
    CREATE TRIGGER website_search_byline_insert AFTER INSERT ON articles_articleauthor
    BEGIN {REFRESH.format(ids="NEW.article_id")} END
    """,
    f"""
    CREATE TRIGGER website_search_byline_update AFTER UPDATE ON articles_articleauthor
    BEGIN {REFRESH.format(ids="OLD.article_id, NEW.article_id")} END
    """,
    f"""
    CREATE TRIGGER website_search_byline_delete AFTER DELETE ON articles_articleauthor
    BEGIN {REFRESH.format(ids="OLD.article_id")} END
    """,
    # The articles already there.
    """
    INSERT INTO website_search(rowid, title, standfirst, body, section, authors)
        SELECT id, title, standfirst, body, section, authors FROM website_search_source
    """,
    """
    INSERT INTO website_search_title(rowid, title)
        SELECT id, folded_title FROM website_search_source
    """,
]
TEARDOWN = [
    f"DROP TRIGGER IF EXISTS website_search_{name}"
    for name in [
        "article_insert",
        "article_update",
        "article_delete",
        "section_update",
        "author_update",
        "byline_insert",
        "byline_update",
        "byline_delete",
    ]
] + [
    "DROP TABLE IF EXISTS website_search",
    "DROP TABLE IF EXISTS website_search_title",
    "DROP VIEW IF EXISTS website_search_source",
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    register_sqlite_functions(connection=schema_editor.connection)
    for statement in SETUP:
        schema_editor.execute(statement)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in TEARDOWN:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("articles", "0017_article_format")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
