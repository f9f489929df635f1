"""Deleting an article from its page: the admin's confirmation, plus a
reason for a live article (``articles.services.deletion``)."""

import copy

from django.contrib.admin.utils import unquote
from django.http import QueryDict

from articles.services.deletion import article_delete


class DeletionViews:
    """Mixed into ``ArticleAdmin``."""

    def delete_view(self, request, object_id, extra_context=None):
        article = self.get_object(request, unquote(object_id))
        live = article is not None and self.is_live(request, article)
        extra = {"ask_reason": live} | (extra_context or {})
        if (
            request.method == "POST"
            and live
            and not request.POST.get("raison", "").strip()
        ):
            # Back to the confirmation, with the error: the admin deletes on
            # any POST, so the page is drawn as for a first visit.
            extra |= {
                "reason_error": "Indiquez pourquoi cet article en ligne est supprimé."
            }
            request = copy.copy(request)
            request.method = "GET"
            request.POST = QueryDict()
        return super().delete_view(request, object_id, extra)

    def delete_model(self, request, obj):
        article_delete(
            article=obj, user=request.user, reason=request.POST.get("raison", "")
        )
