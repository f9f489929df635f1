"""The article list's actions: each selected article goes through the same
service as from its own page, and a refusal names the article and says why."""

from functools import partial

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import ActionLocation
from django.core.exceptions import PermissionDenied

from articles import services
from articles.admin.forms import ScheduleForm, SendBackForm
from articles.admin.pages import message_of
from articles.models import Article
from articles.services import trash
from core.formats import french_datetime

NBSP = "\u00a0"


class TrashForm(forms.Form):
    """The one reason given for every live article of the selection."""

    reason = forms.CharField(
        label="raison de la suppression",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
    )

    def __init__(self, *args, live_titles=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.live_titles = list(live_titles)
        field = self.fields["reason"]
        if self.live_titles:
            field.required = True
            field.error_messages["required"] = trash.REASON_REQUIRED
            quoted = ", ".join(f"«{NBSP}{t}{NBSP}»" for t in self.live_titles)
            field.help_text = (
                f"En ligne{NBSP}: {quoted}. Le journal éditorial garde la raison "
                f"de chaque article{NBSP}; tous peuvent être restaurés pendant "
                f"{trash.TRASH_RETENTION.days}{NBSP}jours."
            )
        else:
            field.help_text = (
                "Facultative pour un article qui n’est pas en ligne. Les articles "
                f"peuvent être restaurés pendant {trash.TRASH_RETENTION.days}{NBSP}jours."
            )


def _action(service, permission, description, done_message):
    """An action that needs nothing but the selection."""

    @admin.action(permissions=[permission], description=description)
    def action(self, request, queryset):
        self._run_on_each(request, queryset, service, done_message)

    return action


class BulkActions:
    """Mixed into ``ArticleAdmin``."""

    actions = [
        "submit_selected",
        "send_back_selected",
        "schedule_selected",
        "publish_selected",
        "unpublish_selected",
        "trash_selected",
    ]

    def get_actions(self, request, action_location=ActionLocation.CHANGE_LIST):
        # Django's own « Supprimer les objets sélectionnés » would delete
        # the articles and their revisions at once, without a reason.
        actions = super().get_actions(request, action_location)
        actions.pop("delete_selected", None)
        return actions

    def has_submit_permission(self, request):
        return request.user.has_perm("articles.submit_article")

    def has_send_back_permission(self, request):
        return request.user.has_perm("articles.send_back_article")

    def has_schedule_permission(self, request):
        return request.user.has_perm("articles.schedule_article")

    def has_publish_permission(self, request):
        return request.user.has_perm("articles.publish_article")

    def has_unpublish_permission(self, request):
        return request.user.has_perm("articles.unpublish_article")

    def _run_on_each(self, request, queryset, service, done_message, **kwargs):
        done = 0
        for article in queryset:
            try:
                service(article=article, user=request.user, **kwargs)
                done += 1
            except (services.WorkflowError, PermissionDenied) as error:
                self.message_user(
                    request,
                    f"« {article.title} » : {message_of(error)}",
                    messages.ERROR,
                )
        if done:
            self.message_user(request, done_message(done), messages.SUCCESS)

    submit_selected = _action(
        services.article_submit,
        "submit",
        "Soumettre à la relecture",
        lambda n: f"{n} article(s) soumis à la relecture.",
    )
    publish_selected = _action(
        services.article_publish,
        "publish",
        "Publier maintenant",
        lambda n: f"{n} article(s) publié(s).",
    )
    unpublish_selected = _action(
        services.article_unpublish,
        "unpublish",
        "Dépublier",
        lambda n: f"{n} article(s) dépublié(s).",
    )

    @admin.action(permissions=["schedule"], description="Programmer…")
    def schedule_selected(self, request, queryset):
        return self._bulk_with_form(
            request,
            queryset,
            ScheduleForm,
            "Programmer",
            lambda form: self._run_on_each(
                request,
                queryset,
                services.article_schedule,
                lambda n: (
                    f"{n} article(s) programmé(s) pour le "
                    f"{french_datetime(form.cleaned_data['publish_at'])}."
                ),
                publish_at=form.cleaned_data["publish_at"],
                unpublish_at=form.cleaned_data["unpublish_at"],
                comment=form.cleaned_data["comment"],
            ),
        )

    @admin.action(permissions=["send_back"], description="Renvoyer au journaliste…")
    def send_back_selected(self, request, queryset):
        return self._bulk_with_form(
            request,
            queryset,
            SendBackForm,
            "Renvoyer au journaliste",
            lambda form: self._run_on_each(
                request,
                queryset,
                services.article_send_back,
                lambda n: f"{n} article(s) renvoyé(s) au journaliste.",
                comment=form.cleaned_data["comment"],
            ),
        )

    @admin.action(
        permissions=["delete"], description="Supprimer (mettre à la corbeille)…"
    )
    def trash_selected(self, request, queryset):
        live_titles = list(
            Article.objects.published()
            .filter(pk__in=queryset.values("pk"))
            .order_by("title")
            .values_list("title", flat=True)
        )
        return self._bulk_with_form(
            request,
            queryset,
            partial(TrashForm, live_titles=live_titles),
            "Mettre à la corbeille",
            lambda form: self._run_on_each(
                request,
                queryset,
                trash.article_trash,
                lambda n: (
                    f"{n}{NBSP}article(s) mis à la corbeille{NBSP}; "
                    f"restaurables pendant {trash.TRASH_RETENTION.days}{NBSP}jours."
                ),
                reason=form.cleaned_data["reason"],
            ),
        )

    def _bulk_with_form(self, request, queryset, form_class, title, perform):
        """An action that needs a date or a comment: ask for it on an
        intermediate page, then run it on every selected article."""
        if "apply" in request.POST:
            form = form_class(request.POST)
            if form.is_valid():
                perform(form)
                return None
        else:
            form = form_class()
        return self.page(
            request,
            "bulk_action.html",
            title,
            form=form,
            articles=queryset,
            action=request.POST.get("action", ""),
            action_checkbox_name=admin.helpers.ACTION_CHECKBOX_NAME,
        )
