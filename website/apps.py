from django.apps import AppConfig


class WebsiteConfig(AppConfig):
    name = "website"
    verbose_name = "Site public"

    def ready(self):
        from django.db.backends.signals import connection_created
        from django.db.models.signals import post_delete, post_save

        from articles.models import Article, Section
        from website.context_processors import forget_menu
        from website.search_sqlite import register_sqlite_functions
        from website.sitemaps import forget_index

        # The SQLite search index is built with Python functions (strip tags,
        # fold accents): every connection needs them, from the first one.
        connection_created.connect(
            register_sqlite_functions, dispatch_uid="website.search_sqlite"
        )
        post_save.connect(forget_index, sender=Article, dispatch_uid="website.sitemap")
        post_delete.connect(
            forget_index, sender=Article, dispatch_uid="website.sitemap"
        )
        post_save.connect(forget_menu, sender=Section, dispatch_uid="website.menu")
        post_delete.connect(forget_menu, sender=Section, dispatch_uid="website.menu")
