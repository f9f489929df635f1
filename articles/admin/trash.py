"""The trash (« Corbeille ») in the article admin: the list of deleted
articles, restoring one, and, for administrators, deleting for good."""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.http import HttpResponseRedirect

from articles.models import Article
from core.adminpages import admin_url


class TrashViews:
    """Mixed into ``ArticleAdmin``."""

    def change_view(self, request, object_id, form_url="", extra_context=None):
        article = self.get_object(request, unquote(object_id))
        if article is not None and article.status == Article.Status.TRASHED:
            # A trashed article is not edited: it is restored first.
            messages.warning(
                request,
                f"« {article.title} » est dans la corbeille : restaurez-le pour le modifier.",
            )
            return HttpResponseRedirect(admin_url(Article, "trash"))
        return super().change_view(request, object_id, form_url, extra_context)

    def trash_view(self, request):
        raise NotImplementedError  # Filled in by the trash list.
