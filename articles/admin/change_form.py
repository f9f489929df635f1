"""The article's edit page: its fields, its single save path, and what it
shows beside the form (workflow buttons, who else is editing, conflicts,
autosaves, new versions waiting)."""

from django.conf import settings
from django.contrib import admin, messages

from articles import services
from articles.admin.forms import AUTOSAVED_FIELDS
from articles.admin.inlines import with_french_add_text
from articles.admin.notices import notices_for
from articles.admin.seo_preview import seo_preview
from articles.admin.workflow_actions import PANEL_ORDER, WORKFLOW_ACTIONS
from articles.models import (
    Article,
    ArticleAuthor,
    ArticleRedirect,
    AuditEvent,
    ScheduledChange,
)
from articles.services.checks import is_live, publication_problems
from articles.services.rights import can_edit, sees_all_articles
from articles.services.scheduled_events import overdue_events
from core.formats import french_datetime
from images.body import render_body

Status = Article.Status


class ChangeFormMixin:
    """Mixed into ``ArticleAdmin``."""

    # Moved only by the workflow's actions, never by the form.
    workflow_fields = [
        "status",
        "publish_at",
        "unpublish_at",
        "updated_at",
        "first_published_at",
        "created_at",
        "modified_at",
    ]
    editor_only_fields = ["is_featured", "is_breaking"]

    def get_readonly_fields(self, request, obj=None):
        fields = ["reading_stats", *self.workflow_fields]
        if not sees_all_articles(request.user):
            fields += self.editor_only_fields
        return fields

    def get_fieldsets(self, request, obj=None):
        fieldsets = [
            (
                None,
                {
                    "fields": [
                        "title",
                        "slug",
                        "section",
                        "standfirst",
                        "body",
                        "reading_stats",
                        "base_fingerprint",
                    ]
                },
            ),
            (
                "Image principale",
                {"fields": ["hero_image", "hero_caption"]},
            ),
            (
                "Classement",
                {
                    "fields": [
                        "tags",
                        "sources",
                        "is_featured",
                        "is_breaking",
                        "format",
                        "language",
                    ]
                },
            ),
            (
                "Référencement et partage",
                {
                    "classes": ["collapse", "seo-fieldset"],
                    "fields": ["seo_title", "social_title", "seo_description"],
                    "description": "Comment l’article apparaît dans Google et sur les réseaux sociaux ; laissés vides, ces champs reprennent le titre et le chapô.",
                },
            ),
            # The side panel shows status and dates; these are the details.
            ("Publication", {"classes": ["collapse"], "fields": self.workflow_fields}),
        ]
        if obj is not None and not self.has_change_permission(request, obj):
            # Read only: the text as readers see it, not its HTML source.
            fields = fieldsets[0][1]["fields"]
            fields[fields.index("body")] = "rendered_body"
        if self.can_schedule_change(request, obj):
            fieldsets.append(
                (
                    "Nouvelle version programmée",
                    {
                        "fields": ["changes_apply_at"],
                        "description": "Préparez ici la prochaine version de cet article en ligne, puis « Programmer ces modifications » : les lecteurs la verront à la seconde choisie.",
                    },
                )
            )
        return fieldsets

    @admin.display(description="texte")
    def rendered_body(self, article):
        return render_body(article.body)

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if (
            (obj is None or obj.pk is None)
            and request.method == "GET"
            and inline.model is ArticleAuthor
            and (author := getattr(request.user, "author", None)) is not None
        ):
            # A new article starts signed by whoever writes it. Only on the
            # blank page: on a POST an initial row left as it was would count
            # as unchanged, and save_related signs it anyway.
            kwargs["initial"] = [{"author": author.pk, "position": 0}]
        return kwargs

    def get_inline_formsets(self, request, formsets, inline_instances, obj=None):
        return with_french_add_text(
            super().get_inline_formsets(request, formsets, inline_instances, obj)
        )

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        attrs = {"user": request.user}
        if request.method == "GET" and "restaurer" in request.GET:
            attrs["restored"] = self.autosave_for(request, obj)
        number = request.GET.get("revision", "") if request.method == "GET" else ""
        if obj is not None and number.isascii() and number.isdigit():
            attrs["restored_revision"] = obj.revisions.filter(
                number=int(number[:18])
            ).first()
        attrs["panel_actions"] = frozenset(
            action.slug for action in self.panel_actions(request, obj)
        )
        form = type(form.__name__, (form,), attrs)
        if "is_breaking" in form.base_fields:
            # From the settings, so not in the model (nor its migrations).
            form.base_fields["is_breaking"].help_text = (
                "En bandeau « Alerte info » en tête de la page d’accueil pendant "
                f"{settings.BREAKING_NEWS_HOURS}\u00a0h après la publication."
            )
        return form

    # The single save path of the article form. Other code that must run on
    # every save (e.g. recording an old address) belongs here.
    def save_model(self, request, obj, form, change):
        if form.schedules_change:
            return  # The live version stays as it is; see save_related.
        if not change:
            obj.created_by = request.user
        # A changed slug or section leaves the old address answering 301.
        with ArticleRedirect.objects.keeping_old_url(obj):
            super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        if form.schedules_change:
            request.scheduled_change = self.keep_change_for_later(
                request, form, formsets
            )
            return
        super().save_related(request, form, formsets, change)
        # A side-panel button: its transition comes once everything is saved.
        request.workflow_request = form.workflow_request
        article = form.instance
        author = getattr(request.user, "author", None)
        if not change and author and not article.bylines.exists():
            ArticleAuthor.objects.create(article=article, author=author)
        services.article_saved(article=article, user=request.user, created=not change)

    def construct_change_message(self, request, form, formsets, add=False):
        if getattr(request, "scheduled_change", None):
            return "Nouvelle version programmée."
        return super().construct_change_message(request, form, formsets, add)

    def get_view_on_site_url(self, obj=None):
        # « Voir sur le site » only where readers can see it; else « Prévisualiser ».
        if obj is None or not is_live(obj):
            return None
        return super().get_view_on_site_url(obj)

    def response_add(self, request, obj, post_url_continue=None):
        if panel := getattr(request, "workflow_request", None):
            return self.apply_panel_action(request, obj, *panel)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        if panel := getattr(request, "workflow_request", None):
            return self.apply_panel_action(request, obj, *panel)
        change = getattr(request, "scheduled_change", None)
        if change is None:
            return super().response_change(request, obj)
        self.message_user(
            request,
            f"Modifications programmées pour le {french_datetime(change.apply_at)} ; "
            "d’ici là, les lecteurs voient la version actuelle.",
            messages.SUCCESS,
        )
        return self.redirect_to_change(obj)

    def render_change_form(
        self, request, context, add=False, change=False, form_url="", obj=None
    ):
        user = request.user
        # Worked out once, in get_form (a journalist's rights cost a query).
        allowed = context["adminform"].form.panel_actions
        panel = [WORKFLOW_ACTIONS[slug] for slug in PANEL_ORDER if slug in allowed]
        extra = {
            "autosave": self.autosave_for(request, obj, newer_only=True),
            "autosave_fields": AUTOSAVED_FIELDS,
            "panel_actions": panel,
            "panel_can_schedule": any(a.slug == "programmer" for a in panel),
            "seo_preview": seo_preview(context["adminform"].form, obj),
        }
        if obj is not None and not obj.revisions.exists():
            # An article made elsewhere (import, shell): keep the content this
            # page starts from, so history and conflicts can show what changed.
            services.article_revision_create(
                article=obj,
                user=None,
                note="État initial, avant toute modification ici",
            )
        if obj is not None:
            pending = list(
                obj.scheduled_changes.filter(state=ScheduledChange.State.PENDING)
            )
            extra |= {
                "workflow_actions": self.available_actions(request, obj),
                "others_editing": services.presence_touch(article=obj, user=user)
                if can_edit(user, obj)
                else [],
                "sent_back": obj.audit_events.filter(
                    action=AuditEvent.Action.SENT_BACK
                ).first()
                if obj.status == Status.DRAFT
                else None,
                "pending_changes": pending,
                # What the page's local copy of the form must be newer than.
                "saved_at": max(
                    [obj.modified_at, *(change.created_at for change in pending)]
                ),
                "overdue_events": overdue_events(article=obj),
                "problems": publication_problems(obj),
                "notices": notices_for(request, obj),
                "can_schedule_change": self.can_schedule_change(request, obj),
                "can_correct": user.has_perm("articles.correct_article")
                and obj.first_published_at is not None,
                "can_share": user.has_perm("articles.share_preview_article"),
                "is_live": self.is_live(request, obj),
            }
        context.update(extra)
        return super().render_change_form(request, context, add, change, form_url, obj)
