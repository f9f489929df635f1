from django.apps import AppConfig


class WebsiteConfig(AppConfig):
    name = "website"
    verbose_name = "Site public"

    def ready(self):
        from django.db.backends.signals import connection_created

        from website.search_sqlite import register_sqlite_functions

        # The SQLite search index is built with Python functions (strip tags,
        # fold accents): every connection needs them, from the first one.
        connection_created.connect(
            register_sqlite_functions, dispatch_uid="website.search_sqlite"
        )
        # The menu and the sitemap index are retired with the publication
        # generation (articles.freshness.ReaderCopy, newsday.invalidation).
