"""Addresses of deleted articles: « Cet article a été supprimé », 410 Gone,
rather than 404, so that search engines drop them at once and readers learn
the article was withdrawn, not mistyped.

An article is gone from when it is put in the trash (``Status.TRASHED``)
until its address is used again. Once the trash is emptied its row is gone
too; the editorial log keeps its slug, id and address (the « Suppression »
event written by ``articles.services.deletion``), and that is what answers.
Only addresses that would answer 404 are looked up, so live pages pay
nothing; these lookups are one indexed query each (the log's are among its
« Suppression » events only).
"""

from django.http import Http404
from django.shortcuts import render
from django.views.generic import RedirectView

from articles.models import Article, ArticleRedirect, AuditEvent

TRASHED = Article.Status.TRASHED


def _emptied(**data):
    """Whether the log remembers an article deleted for good with ``data``."""
    lookups = {f"data__{key}": value for key, value in data.items()}
    return AuditEvent.objects.filter(
        action=AuditEvent.Action.DELETED, data__purged=True, **lookups
    ).exists()


def slug_is_gone(slug: str) -> bool:
    """Whether the article page at ``slug`` was deleted."""
    return Article.objects.filter(slug=slug, status=TRASHED).exists() or _emptied(
        slug=slug
    )


def pk_is_gone(pk: int) -> bool:
    """Whether the short link ``/articles/<pk>/`` was a deleted article's."""
    return Article.objects.filter(pk=pk, status=TRASHED).exists() or _emptied(
        article_id=pk
    )


def old_path_is_gone(path: str) -> bool:
    """Whether ``path`` is a former address of an article now in the trash
    (its old addresses go with it when the trash is emptied)."""
    return ArticleRedirect.objects.filter(
        old_path=path[:500], article__status=TRASHED
    ).exists()


def gone_response(request):
    """The 410 page, laid out as the 404 page."""
    return render(request, "410.html", status=410)


class ArticleShortLinkView(RedirectView):
    """``/articles/<id>/``: a short, permanent link to a published article;
    410 if that article was deleted."""

    permanent = True

    def get(self, request, *args, **kwargs):
        found = (
            Article.objects.published()
            .select_related("section")
            .only("slug", "publish_at", "created_at", "section__slug")
            .filter(pk=kwargs["pk"])
            .first()
        )
        if found is None:
            if pk_is_gone(kwargs["pk"]):
                return gone_response(request)
            raise Http404("Aucun article publié à cette adresse.")
        self.article = found
        return super().get(request, *args, **kwargs)

    def get_redirect_url(self, *args, **kwargs):
        return self.article.get_absolute_url()
