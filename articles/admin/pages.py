"""What the article admin's own pages share: finding the article, rendering
a page, answering after a form, and saying what went wrong.

Every page finds the article through ``get_object`` (so a journalist
reaches only their own) and checks rights again; the services check them a
third time.
"""

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect

from articles.models import Article
from articles.services.checks import is_live
from articles.services.rights import can_edit, can_view
from core.adminpages import admin_page, admin_url


def message_of(error) -> str:
    """The French message of a refused service call."""
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    return str(error) or "Vous n’avez pas le droit de faire cela."


def require_post(request) -> None:
    if request.method != "POST":
        raise PermissionDenied("Utilisez le bouton prévu.")


class ArticlePages:
    """Mixed into ``ArticleAdmin``: what its own pages are built with."""

    def redirect_to_change(self, article):
        return HttpResponseRedirect(admin_url(Article, "change", article.pk))

    def article_or_404(self, request, object_id, *, edit=False) -> Article:
        """The article if this user may see it (and edit it, with ``edit``)."""
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise Http404("Cet article n’existe pas ou ne vous est pas accessible.")
        if not can_view(request.user, article):
            raise PermissionDenied
        if edit and not can_edit(request.user, article):
            raise PermissionDenied
        return article

    def page(self, request, template, title, article=None, **context):
        """A page of ``templates/admin/articles/article/``."""
        return admin_page(
            self,
            request,
            f"admin/articles/article/{template}",
            title,
            original=article,
            article=article,
            **context,
        )

    def is_live(self, request, article) -> bool:
        """Whether readers see ``article`` now (asked once per request)."""
        known = request.__dict__.setdefault("_articles_live", {})
        if article.pk not in known:
            known[article.pk] = is_live(article)
        return known[article.pk]
