from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Rédaction"

    def ready(self):
        from articles.image_usage import ArticleUsage
        from images import usage

        usage.register(ArticleUsage())
