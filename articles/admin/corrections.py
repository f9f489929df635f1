"""« Rectificatif » and « Mise à jour » notes under a published article."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied

from articles import services
from articles.admin.forms import CorrectionForm
from articles.admin.pages import message_of
from core.formats import french_date


class CorrectionViews:
    """Mixed into ``ArticleAdmin``."""

    def correction_view(self, request, object_id):
        article = self.article_or_404(request, object_id)
        if not request.user.has_perm("articles.correct_article"):
            raise PermissionDenied
        form = CorrectionForm(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            try:
                correction = services.article_correct(
                    article=article,
                    user=request.user,
                    kind=form.cleaned_data["kind"],
                    text=form.cleaned_data["text"],
                )
            except (services.WorkflowError, PermissionDenied) as error:
                form.add_error(None, message_of(error))
            else:
                self.message_user(
                    request,
                    f"{correction.get_kind_display()} du {french_date(correction.created_at)} ajouté.",
                    messages.SUCCESS,
                )
                return self.redirect_to_change(article)
        return self.page(
            request,
            "correction.html",
            f"Rectificatif ou mise à jour de « {article.title} »",
            article,
            form=form,
            corrections=article.corrections.select_related("created_by"),
        )
