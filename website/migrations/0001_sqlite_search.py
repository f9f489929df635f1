"""SQLite: the reader search's full-text index (FTS5). A no-op elsewhere:
PostgreSQL has its own stored documents (``articles`` migrations
``search_document`` and ``search_title``).

- ``website_search_source``: a view, one row per article: title, chapô,
  text without tags, rubrique name and author names. The one definition of
  what is indexed, read by the triggers and by a rebuild.
- ``website_search``: FTS5 over title, chapô and text; ``unicode61
  remove_diacritics 2`` ignores case and accents. An external-content table:
  it reads its text from the view (excerpts) and keeps no copy of it (about
  500 MB saved at 100,000 articles). Such a table must be given the exact
  values it indexed to remove a row: the old row's, through the same
  function; a change to ``website_plain_text`` needs a rebuild (below).
- ``website_search_names``: the rubrique and author names, apart: a byline
  added or a rubrique renamed rewrites these small rows, not the articles'
  whole text (which made a bulk import of articles with their bylines three
  times dearer).
- ``website_search_title``: the folded titles, trigram-tokenized, for the
  typo-forgiving search (SQLite 3.34 or later).
- ``website_search_visible_idx``: the candidates' status and dates, so that
  ``published()`` keeps them without reading their rows.
- Triggers keep the tables in step with every write to articles, rubriques, authors
  and bylines: the ORM, ``QuerySet.update()``, ``bulk_create`` and raw SQL
  alike. Every article is indexed whatever its status: the index only finds
  candidates, and the search keeps those that ``published()`` lets through.

The text and the folded title come from two functions that Django registers
on each SQLite connection (``website.search_sqlite.register_sqlite_functions``):
writing articles from outside Django (the ``sqlite3`` shell) needs them too.
``manage.py migrate website zero && manage.py migrate website`` rebuilds
everything.
"""

from django.db import migrations

from website.search_sqlite import register_sqlite_functions

# Rewrite the index rows of the articles ``ids`` (a list or a subquery).
REFRESH = {
    "website_search_names": """
        DELETE FROM website_search_names WHERE rowid IN ({ids});
        INSERT INTO website_search_names(rowid, section, authors)
            SELECT id, section, authors
            FROM website_search_source WHERE id IN ({ids});
    """,
    "website_search_title": """
        DELETE FROM website_search_title WHERE rowid IN ({ids});
        INSERT INTO website_search_title(rowid, title)
            SELECT id, folded_title FROM website_search_source WHERE id IN ({ids});
    """,
}


def refresh(ids, *tables):
    return "\n".join(REFRESH[table].format(ids=ids) for table in tables)


FOLDED = "tokenize = 'unicode61 remove_diacritics 2'"
# The text index reads its text from the view (external content): a row is
# removed by giving FTS5 the very values it indexed, which the old row gives.
TEXT_DELETE = """
    INSERT INTO website_search(website_search, rowid, title, standfirst, body)
    VALUES ('delete', OLD.id, OLD.title, OLD.standfirst, website_plain_text(OLD.body));
"""
TEXT_INSERT = """
    INSERT INTO website_search(rowid, title, standfirst, body)
    VALUES (NEW.id, NEW.title, NEW.standfirst, website_plain_text(NEW.body));
"""
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
    f"""
    CREATE VIRTUAL TABLE website_search USING fts5(
        title, standfirst, body,
        content = 'website_search_source', content_rowid = 'id', {FOLDED}
    )
    """,
    f"CREATE VIRTUAL TABLE website_search_names USING fts5(section, authors, {FOLDED})",
    "CREATE VIRTUAL TABLE website_search_title USING fts5(title, tokenize = 'trigram')",
    f"""
    CREATE TRIGGER website_search_article_insert AFTER INSERT ON articles_article
    BEGIN
        {TEXT_INSERT}
        {refresh("NEW.id", "website_search_names", "website_search_title")}
    END
    """,
    f"""
    CREATE TRIGGER website_search_article_update
    AFTER UPDATE OF title, standfirst, body ON articles_article
    -- A save writes every column: only a change of these rewrites the row.
    WHEN OLD.title IS NOT NEW.title OR OLD.standfirst IS NOT NEW.standfirst
        OR OLD.body IS NOT NEW.body
    BEGIN
        {TEXT_DELETE} {TEXT_INSERT}
        {refresh("NEW.id", "website_search_title")}
    END
    """,
    f"""
    CREATE TRIGGER website_search_article_section
    AFTER UPDATE OF section_id ON articles_article
    WHEN OLD.section_id IS NOT NEW.section_id
    BEGIN {refresh("NEW.id", "website_search_names")} END
    """,
    f"""
    CREATE TRIGGER website_search_article_delete AFTER DELETE ON articles_article
    BEGIN
        {TEXT_DELETE}
        DELETE FROM website_search_names WHERE rowid = OLD.id;
        DELETE FROM website_search_title WHERE rowid = OLD.id;
    END
    """,  # noqa: S608 (constant SQL, no input)
    f"""
    CREATE TRIGGER website_search_section_update
    AFTER UPDATE OF name ON articles_section WHEN OLD.name IS NOT NEW.name
    BEGIN
        {refresh("SELECT id FROM articles_article WHERE section_id = NEW.id", "website_search_names")}
    END
    """,  # noqa: S608 (constant SQL, no input)
    f"""
    CREATE TRIGGER website_search_author_update
    AFTER UPDATE OF name ON articles_author WHEN OLD.name IS NOT NEW.name
    BEGIN
        {refresh("SELECT article_id FROM articles_articleauthor WHERE author_id = NEW.id", "website_search_names")}
    END
    """,  # noqa: S608 (constant SQL, no input)
    f"""
    CREATE TRIGGER website_search_byline_insert AFTER INSERT ON articles_articleauthor
    BEGIN {refresh("NEW.article_id", "website_search_names")} END
    """,
    f"""
    CREATE TRIGGER website_search_byline_update AFTER UPDATE ON articles_articleauthor
    BEGIN {refresh("OLD.article_id, NEW.article_id", "website_search_names")} END
    """,
    f"""
    CREATE TRIGGER website_search_byline_delete AFTER DELETE ON articles_articleauthor
    BEGIN {refresh("OLD.article_id", "website_search_names")} END
    """,
    # Visibility of the candidates without reading their rows: SQLite stores
    # the body before status and dates, so checking them read the body's
    # overflow pages (75 ms for « gouvernement » at 100,000 articles; 7 ms
    # with this index).
    """
    CREATE INDEX website_search_visible_idx
        ON articles_article (id, status, publish_at, unpublish_at)
    """,
    # Without statistics SQLite prefers the table's rows to a new index.
    "ANALYZE website_search_visible_idx",
    # The articles already there.
    "INSERT INTO website_search(website_search) VALUES ('rebuild')",
    """
    INSERT INTO website_search_names(rowid, section, authors)
        SELECT id, section, authors FROM website_search_source
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
        "article_section",
        "article_delete",
        "section_update",
        "author_update",
        "byline_insert",
        "byline_update",
        "byline_delete",
    ]
] + [
    "DROP TABLE IF EXISTS website_search",
    "DROP TABLE IF EXISTS website_search_names",
    "DROP TABLE IF EXISTS website_search_title",
    "DROP VIEW IF EXISTS website_search_source",
    "DROP INDEX IF EXISTS website_search_visible_idx",
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
