"""An article's history: its revisions and journal, two revisions side by
side, and an old revision made current again (for a live article, once
confirmed, or loaded into the edit form as a new version to schedule)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from articles import services
from articles.admin.pages import message_of, require_post
from articles.revisions import compare
from articles.services.rights import can_edit, content_seen_by


class HistoryViews:
    """Mixed into ``ArticleAdmin``; replaces the admin's own history page."""

    def history_view(self, request, object_id, extra_context=None):
        article = self.article_or_404(request, object_id)
        revisions = list(article.revisions.select_related("created_by"))
        return self.page(
            request,
            "history.html",
            f"Historique de « {article.title} »",
            article,
            revisions=revisions,
            events=article.audit_events.select_related("actor")[:200],
            can_restore=can_edit(request.user, article),
        )

    def compare_view(self, request, object_id):
        article = self.article_or_404(request, object_id)
        revisions = {
            r.number: r for r in article.revisions.select_related("created_by")
        }
        if not revisions:
            raise Http404("Cet article n’a pas encore de révision.")
        try:
            new = revisions[int(request.GET.get("b") or max(revisions))]
            old = revisions[int(request.GET.get("a") or new.number - 1)]
        except (KeyError, ValueError):
            raise Http404("Révision introuvable.") from None
        return self.page(
            request,
            "compare.html",
            f"Révisions n° {old.number} et n° {new.number} de « {article.title} »",
            article,
            old=old,
            new=new,
            changes=compare(
                content_seen_by(request.user, old.content),
                content_seen_by(request.user, new.content),
            ),
            old_label=f"Révision n° {old.number}",
            new_label=f"Révision n° {new.number}",
            revisions=sorted(revisions.values(), key=lambda r: -r.number),
            can_restore=can_edit(request.user, article),
        )

    def restore_view(self, request, object_id, number):
        require_post(request)
        article = self.article_or_404(request, object_id, edit=True)
        revision = get_object_or_404(article.revisions, number=number)
        if self.is_live(request, article) and "confirmer" not in request.POST:
            # Readers would see it at once: say so, and offer the way that
            # changes nothing until the editor chooses.
            return self.page(
                request,
                "restore_confirm.html",
                f"Restaurer la révision n° {number} de « {article.title} »",
                article,
                revision=revision,
            )
        try:
            new = services.article_restore_revision(
                article=article, user=request.user, revision=revision
            )
        except (services.WorkflowError, PermissionDenied) as error:
            self.message_user(request, message_of(error), messages.ERROR)
        else:
            self.message_user(
                request,
                f"Révision n° {number} restaurée : elle devient la révision n° {new.number}.",
                messages.SUCCESS,
            )
        return self.redirect_to_change(article)
