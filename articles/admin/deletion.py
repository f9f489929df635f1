"""« Supprimer » on an article's page puts it in the trash
(``articles.services.trash``): a confirmation, plus a reason for a live
article. Deleting for good is the trash's own page (``articles.admin.trash``)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect

from articles.admin.pages import message_of
from articles.models import Article
from articles.services import trash
from articles.services.checks import WorkflowError
from core.adminpages import admin_url

NBSP = "\u00a0"


class DeletionViews:
    """Mixed into ``ArticleAdmin``; replaces the admin's deletion page, which
    would delete the article and its revisions at once."""

    def delete_view(self, request, object_id, extra_context=None):
        article = self.article_or_404(request, object_id)
        if article.status == Article.Status.TRASHED:
            return HttpResponseRedirect(admin_url(Article, "trash"))
        if not trash.can_trash(request.user, article):
            raise PermissionDenied
        live = self.is_live(request, article)
        error = ""
        if request.method == "POST":
            try:
                trash.article_trash(
                    article=article,
                    user=request.user,
                    reason=request.POST.get("raison", ""),
                )
            except WorkflowError as refused:
                error = message_of(refused)
            else:
                self.message_user(
                    request,
                    f"«{NBSP}{article.title}{NBSP}» a été mis à la corbeille{NBSP}; "
                    f"il peut y être restauré pendant {trash.TRASH_RETENTION.days}{NBSP}jours.",
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(admin_url(Article, "changelist"))
        return self.page(
            request,
            "trash_confirm.html",
            "Mettre à la corbeille",
            article,
            live=live,
            reason=request.POST.get("raison", ""),
            reason_error=error,
            retention_days=trash.TRASH_RETENTION.days,
        )
