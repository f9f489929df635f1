from django.apps import AppConfig


class WiresConfig(AppConfig):
    name = "wires"
    verbose_name = "Dépêches"

    def ready(self):
        from articles.admin import notices
        from articles.services import checks
        from wires import embargo
        from wires.admin import article_notices

        # An article made from an embargoed item does not go live before the
        # embargo (the content model knows nothing of wires: we register).
        checks.register_publication_check(embargo.embargo_problems)
        notices.register(article_notices)
