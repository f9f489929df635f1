"""Old addresses of articles, kept so that they answer 301 (see the middleware)."""

from contextlib import contextmanager

from articles.models import Article, ArticleRedirect


def article_redirect_record(
    *, article: Article, old_path: str
) -> ArticleRedirect | None:
    """Remember ``old_path`` as a former address of ``article``.

    Nothing is recorded when the path is still the article's address. A path
    once used by another article now leads to this one.
    """
    if not old_path or old_path == article.get_absolute_url():
        return None
    redirect, _ = ArticleRedirect.objects.update_or_create(
        old_path=old_path[:500], defaults={"article": article}
    )
    return redirect


@contextmanager
def keeping_old_url(article: Article):
    """Record the article's previous public address if saving it changes it.

    Wrap the save: ``with keeping_old_url(obj): obj.save()``. Only an address
    readers may have seen (the article was published) is kept.
    """
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
        article_redirect_record(article=article, old_path=old_path)
