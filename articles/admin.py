from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch, Q
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.html import format_html

from articles import services
from articles.admin_views import ArticleWorkflowViews, message_of
from articles.formats import french_datetime
from articles.forms import ArticleAdminForm, ScheduleForm, SendBackForm
from articles.models import (
    Article,
    ArticleAuthor,
    AuditEvent,
    Author,
    RelatedLink,
    Section,
)
from articles.permissions import can_edit, can_view, owned_q, sees_all_articles
from articles.redirects import keeping_old_url
from articles.scheduling import overdue_events
from images.admin import thumbnail_html
from images.models import Rendition
from images.renditions import THUMBNAIL_SPEC


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position", "is_active", "article_count"]
    list_editable = ["position", "is_active"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n_articles=Count("articles"))

    @admin.display(description="articles", ordering="n_articles")
    def article_count(self, section):
        return section.n_articles


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
    list_display = ["name", "role", "user"]
    search_fields = ["name", "role"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["user"]
    list_select_related = ["user"]


class ArticleInlineMixin:
    """An inline of an article is editable exactly when the article is."""

    def has_add_permission(self, request, obj):
        return super().has_add_permission(request, obj) and (
            obj is None or can_edit(request.user, obj)
        )

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (
            obj is None or can_edit(request.user, obj)
        )

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (
            obj is None or can_edit(request.user, obj)
        )


class BylineInline(ArticleInlineMixin, admin.TabularInline):
    model = ArticleAuthor
    autocomplete_fields = ["author"]
    fields = ["author", "position"]
    extra = 1
    verbose_name = "auteur"
    verbose_name_plural = "auteurs (dans l’ordre de la signature)"


class RelatedLinkInline(ArticleInlineMixin, admin.TabularInline):
    model = RelatedLink
    fk_name = "article"
    autocomplete_fields = ["target"]
    fields = ["target", "url", "title", "position"]
    extra = 1


class MineFilter(admin.SimpleListFilter):
    title = "propriétaire"
    parameter_name = "mes"

    def lookups(self, request, model_admin):
        return [("1", "Mes articles")]

    def queryset(self, request, queryset):
        if self.value() == "1":
            return queryset.filter(owned_q(request.user))
        return queryset


def _is_autocomplete(request):
    match = getattr(request, "resolver_match", None)
    return bool(match and match.url_name == "autocomplete")


@admin.register(Article)
class ArticleAdmin(ArticleWorkflowViews, admin.ModelAdmin):
    form = ArticleAdminForm
    change_form_template = "admin/articles/article/change_form.html"
    change_list_template = "admin/articles/article/change_list.html"
    inlines = [BylineInline, RelatedLinkInline]
    list_display = [
        "hero_thumbnail",
        "title",
        "section",
        "byline",
        "status_badge",
        "publication",
        "is_featured",
        "word_count",
    ]
    list_filter = [
        "status",
        MineFilter,
        "section",
        "authors",
        ("publish_at", admin.DateFieldListFilter),
        "is_featured",
        "is_breaking",
    ]
    list_display_links = ["hero_thumbnail", "title"]
    list_select_related = ["section"]
    search_fields = ["title", "standfirst", "slug"]
    search_help_text = "Rechercher dans le titre, le chapô ou l’identifiant d’URL."
    date_hierarchy = "publish_at"
    prepopulated_fields = {"slug": ["title"]}
    actions = [
        "submit_selected",
        "send_back_selected",
        "schedule_selected",
        "publish_selected",
        "unpublish_selected",
    ]
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

    class Media:
        js = ["js/admin/article-editor.js", "js/admin/workflow.js"]
        css = {"all": ["css/admin.css"]}

    # --- Who sees and edits what ---------------------------------------------

    def get_queryset(self, request):
        articles = (
            super()
            .get_queryset(request)
            .prefetch_related(
                "authors",
                Prefetch(
                    "hero_image__renditions",
                    Rendition.objects.filter(spec=THUMBNAIL_SPEC.name),
                ),
            )
            .select_related("section", "hero_image")
        )
        user = request.user
        if sees_all_articles(user):
            return articles
        if _is_autocomplete(request):
            # Linking to another article: one's own, or what readers see.
            return articles.filter(
                owned_q(user) | Q(pk__in=Article.objects.published().values("pk"))
            )
        return articles.filter(owned_q(user))

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and (
            obj is None or can_view(request.user, obj)
        )

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (
            obj is None or can_edit(request.user, obj)
        )

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (
            obj is None or can_edit(request.user, obj)
        )

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

    # --- The form --------------------------------------------------------------

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
                {"fields": ["tags", "sources", "is_featured", "is_breaking"]},
            ),
            ("Publication", {"fields": self.workflow_fields}),
        ]
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

    def can_schedule_change(self, request, obj):
        """A new version for later makes sense only for what readers see now."""
        return (
            obj is not None
            and request.user.has_perm("articles.schedule_article")
            and can_edit(request.user, obj)
            and self.is_live(request, obj)
        )

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        attrs = {"user": request.user}
        if request.method == "GET" and "restaurer" in request.GET:
            attrs["restored"] = self.autosave_for(request, obj)
        return type(form.__name__, (form,), attrs)

    # The single save path of the article form. Other code that must run on
    # every save (e.g. recording an old address) belongs here.
    def save_model(self, request, obj, form, change):
        if form.schedules_change:
            return  # The live version stays as it is; see save_related.
        if not change:
            obj.created_by = request.user
        # A changed slug or section leaves the old address answering 301.
        with keeping_old_url(obj):
            super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        if form.schedules_change:
            request.scheduled_change = self.keep_change_for_later(
                request, form, formsets
            )
            return
        super().save_related(request, form, formsets, change)
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
        if obj is None or not Article.objects.published().filter(pk=obj.pk).exists():
            return None
        return super().get_view_on_site_url(obj)

    def response_change(self, request, obj):
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

    # --- The list ----------------------------------------------------------------

    @admin.display(description="image")
    def hero_thumbnail(self, article):
        return thumbnail_html(article.hero_image)

    @admin.display(description="signature")
    def byline(self, article):
        return ", ".join(author.name for author in article.authors.all())

    @admin.display(description="statut", ordering="status")
    def status_badge(self, article):
        return format_html(
            '<span class="status-badge status-{}">{}</span>',
            article.status,
            article.get_status_display(),
        )

    @admin.display(description="publication", ordering="publish_at")
    def publication(self, article):
        return french_datetime(article.publish_at) or "—"

    @admin.display(description="longueur")
    def reading_stats(self, article):
        # The script in article-editor.js keeps these figures live while typing.
        return format_html(
            '<span id="reading-stats" data-words-per-minute="{}">'
            "{} mots · {} min de lecture</span>",
            230,
            article.word_count,
            article.reading_time,
        )

    def changelist_view(self, request, extra_context=None):
        extra = {"overdue_events": overdue_events()} | (extra_context or {})
        return super().changelist_view(request, extra)

    # --- Bulk actions: each article goes through the same service -----------------

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

    @admin.action(permissions=["submit"], description="Soumettre à la relecture")
    def submit_selected(self, request, queryset):
        self._run_on_each(
            request,
            queryset,
            services.article_submit,
            lambda n: f"{n} article(s) soumis à la relecture.",
        )

    @admin.action(permissions=["publish"], description="Publier maintenant")
    def publish_selected(self, request, queryset):
        self._run_on_each(
            request,
            queryset,
            services.article_publish,
            lambda n: f"{n} article(s) publié(s).",
        )

    @admin.action(permissions=["unpublish"], description="Dépublier")
    def unpublish_selected(self, request, queryset):
        self._run_on_each(
            request,
            queryset,
            services.article_unpublish,
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
        context = {
            **self.admin_site.each_context(request),
            "title": title,
            "opts": self.opts,
            "form": form,
            "articles": queryset,
            "action": request.POST.get("action", ""),
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(
            request, "admin/articles/article/bulk_action.html", context
        )

    # --- Endpoints used by the form's scripts ------------------------------------

    def tag_suggestions(self, request):
        """Existing tags that start with ``q``, for the tag field's suggestions."""
        from taggit.models import Tag

        if not self.has_change_permission(request) and not self.has_add_permission(
            request
        ):
            return JsonResponse({"results": []}, status=403)
        term = request.GET.get("q", "").strip()[:100]
        tags = (
            Tag.objects.filter(name__istartswith=term).order_by("name")[:20]
            if term
            else []
        )
        return JsonResponse({"results": [tag.name for tag in tags]})


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """The editorial log: read only, filterable by action, person and date."""

    list_display = [
        "when",
        "action",
        "article_link",
        "who",
        "status_change",
        "short_comment",
    ]
    list_filter = ["action", "actor", ("created_at", admin.DateFieldListFilter)]
    search_fields = ["article_title", "comment"]
    search_help_text = "Rechercher dans le titre de l’article ou le commentaire."
    date_hierarchy = "created_at"
    list_select_related = ["actor", "article"]
    list_per_page = 50

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="date", ordering="created_at")
    def when(self, event):
        return french_datetime(event.created_at)

    @admin.display(description="par", ordering="actor")
    def who(self, event):
        if event.actor is None:
            return "Automatique"
        return event.actor.get_full_name() or event.actor.get_username()

    @admin.display(description="article", ordering="article_title")
    def article_link(self, event):
        if event.article_id is None:
            return event.article_title
        return format_html(
            '<a href="{}">{}</a>',
            self.article_url(event.article_id),
            event.article_title,
        )

    @admin.display(description="statut")
    def status_change(self, event):
        if not event.from_status or event.from_status == event.to_status:
            return event.get_to_status_display() or "—"
        return f"{event.get_from_status_display()} → {event.get_to_status_display()}"

    @admin.display(description="commentaire")
    def short_comment(self, event):
        return event.comment[:120] + ("…" if len(event.comment) > 120 else "")

    @staticmethod
    def article_url(pk):
        from django.urls import reverse

        return reverse("admin:articles_article_change", args=[pk])
