"""Old addresses of articles: they answer 301 to the current one."""

from contextlib import contextmanager

from django.db import models

from articles.models.article import Article


class ArticleRedirectManager(models.Manager):
    def record(self, *, article: Article, old_path: str):
        """Remember ``old_path`` as a former address of ``article``.

        Nothing is recorded when the path is still the article's address. A
        path once used by another article now leads to this one.
        """
        if not old_path or old_path == article.get_absolute_url():
            return None
        redirect, _ = self.update_or_create(
            old_path=old_path[:500], defaults={"article": article}
        )
        return redirect

    @contextmanager
    def keeping_old_url(self, article: Article):
        """Record the article's previous public address if saving it changes
        it: ``with ArticleRedirect.objects.keeping_old_url(obj): obj.save()``.
        Only an address readers may have seen (the article was published) is
        kept."""
        old_path = None
        if article.pk:
            previous = (
                Article.objects.filter(pk=article.pk)
                .select_related("section")
                .only("slug", "publish_at", "created_at", "status", "section__slug")
                .first()
            )
            if (
                previous
                and previous.publish_at
                and previous.status in Article.Status.visible()
            ):
                old_path = previous.get_absolute_url()
        yield
        if old_path:
            self.record(article=article, old_path=old_path)


class ArticleRedirect(models.Model):
    """An old address of an article (previous slug, WordPress permalink) that
    answers 301 to wherever the article lives now."""

    old_path = models.CharField("ancienne adresse", max_length=500, unique=True)
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="redirects"
    )
    created_at = models.DateTimeField("créée le", auto_now_add=True)

    objects = ArticleRedirectManager()

    class Meta:
        verbose_name = "redirection"
        verbose_name_plural = "redirections"
        ordering = ["old_path"]

    def __str__(self):
        return f"{self.old_path} → {self.article}"
