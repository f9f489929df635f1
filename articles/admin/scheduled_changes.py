"""A new version of a live article, scheduled from its edit page: kept
aside, shown against the live one, cancelled."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from articles import services
from articles.admin.pages import message_of
from articles.models import ScheduledChange
from articles.revisions import article_snapshot, compare, fingerprint, forms_snapshot
from articles.services.rights import can_edit


class ScheduledChangeViews:
    """Mixed into ``ArticleAdmin``."""

    def can_schedule_change(self, request, obj):
        """A new version for later makes sense only for what readers see now."""
        return (
            obj is not None
            and request.user.has_perm("articles.schedule_article")
            and can_edit(request.user, obj)
            and self.is_live(request, obj)
        )

    def keep_change_for_later(self, request, form, formsets):
        return services.article_schedule_change(
            article=form.instance,
            user=request.user,
            content=forms_snapshot(form, formsets),
            apply_at=form.cleaned_data["changes_apply_at"],
            base_fingerprint=form.cleaned_data.get("base_fingerprint", ""),
        )

    def scheduled_change_view(self, request, object_id, change):
        article = self.article_or_404(request, object_id)
        scheduled = get_object_or_404(ScheduledChange, pk=change, article=article)
        if request.method == "POST":
            try:
                services.scheduled_change_cancel(change=scheduled, user=request.user)
            except (services.WorkflowError, PermissionDenied) as error:
                self.message_user(request, message_of(error), messages.ERROR)
            else:
                self.message_user(
                    request, "Nouvelle version annulée.", messages.SUCCESS
                )
            return self.redirect_to_change(article)
        return self.page(
            request,
            "scheduled_change.html",
            f"Nouvelle version de « {article.title} »",
            article,
            change=scheduled,
            changes=compare(article_snapshot(article), scheduled.content),
            stale=scheduled.base_fingerprint
            and scheduled.base_fingerprint != fingerprint(article_snapshot(article)),
        )
