"""The article admin: who sees and edits what, and the list. The edit page,
the bulk actions and the workflow's own pages are the mixins it is built
from, one module each."""

from django.contrib import admin
from django.urls import reverse, reverse_lazy
from django.utils.html import format_html

from articles.admin.bulk_actions import BulkActions
from articles.admin.calendar import CalendarViews
from articles.admin.change_form import ChangeFormMixin
from articles.admin.changelist import ArticleChangeList, paginator_for
from articles.admin.corrections import CorrectionViews
from articles.admin.deletion import DeletionViews
from articles.admin.editing import EditingViews
from articles.admin.filters import AuthorFilter, MineFilter, PublicationYearFilter
from articles.admin.forms import ArticleAdminForm
from articles.admin.history import HistoryViews
from articles.admin.inlines import BylineInline, RelatedLinkInline
from articles.admin.pages import ArticlePages
from articles.admin.preview_links import PreviewLinkViews
from articles.admin.rights import ArticleEditRights
from articles.admin.routes import article_admin_routes
from articles.admin.scheduled_changes import ScheduledChangeViews
from articles.admin.search import articles_search
from articles.admin.trash import TrashViews
from articles.admin.workflow_actions import WorkflowActionViews
from articles.models import Article, AuditEvent
from articles.services.rights import (
    can_view,
    owned_q,
    sees_all_articles,
    visible_q,
)
from articles.services.scheduled_events import overdue_events
from core.adminpages import FrenchTitles
from core.formats import french_datetime
from images.admin import thumbnail_html


def _is_autocomplete(request):
    match = getattr(request, "resolver_match", None)
    return bool(match and match.url_name == "autocomplete")


@admin.register(Article)
class ArticleAdmin(
    FrenchTitles,
    TrashViews,
    ChangeFormMixin,
    DeletionViews,
    BulkActions,
    WorkflowActionViews,
    HistoryViews,
    CorrectionViews,
    PreviewLinkViews,
    ScheduledChangeViews,
    CalendarViews,
    EditingViews,
    ArticlePages,
    ArticleEditRights,
    admin.ModelAdmin,
):
    add_title = "Nouvel article"
    list_title = "Articles"
    object_name = "l’article"
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
        "live_link",
    ]
    list_filter = [
        "status",
        MineFilter,
        "section",
        ("authors", AuthorFilter),
        ("publish_at", admin.DateFieldListFilter),
        PublicationYearFilter,
        "is_featured",
        "is_breaking",
        "format",
    ]
    list_display_links = ["hero_thumbnail", "title"]
    list_select_related = ["section", "hero_image"]
    # Matched by articles_search (get_search_results), accents ignored.
    search_fields = ["title", "standfirst", "slug"]
    search_help_text = (
        "Rechercher dans le titre, le chapô ou l’identifiant d’URL "
        "(majuscules et accents indifférents)."
    )
    # One count per list, and on PostgreSQL an estimate for long lists
    # (articles/admin/changelist.py).
    show_full_result_count = False
    # Half Django's 100: rendering a row's ten cells is most of the list's
    # time once its queries are cheap (docs/benchmarks.md).
    list_per_page = 50
    # No date_hierarchy: its list of years read every article's date
    # (PublicationYearFilter reads two).
    # No « Afficher les nombres »: each filter's counts read the whole
    # archive (1.3 s at 100,000 articles).
    show_facets = admin.ShowFacets.NEVER
    prepopulated_fields = {"slug": ["title"]}

    class Media:
        js = [
            # The editor's own French catalogue (its dialogs use gettext).
            reverse_lazy("editor_jsi18n"),
            "js/admin/prose-editor-fr.js",
            "js/admin/article-editor.js",
            "js/admin/workflow.js",
        ]
        css = {"all": ["css/admin.css"]}

    def get_urls(self):
        return [*article_admin_routes(self), *super().get_urls()]

    # --- Who sees and edits what ---------------------------------------------

    def get_queryset(self, request):
        # The list shapes its own rows (ArticleChangeList): the edit page and
        # the autocomplete read none of them.
        articles = super().get_queryset(request)
        user = request.user
        if sees_all_articles(user):
            return articles
        if _is_autocomplete(request):
            # Linking to another article: one's own, or what readers see.
            return articles.filter(visible_q(user))
        return articles.filter(owned_q(user))

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and (
            obj is None or can_view(request.user, obj)
        )

    # --- The list ----------------------------------------------------------------

    def get_changelist(self, request, **kwargs):
        return ArticleChangeList

    def get_paginator(self, request, queryset, per_page, **kwargs):
        return paginator_for(request, queryset, per_page, **kwargs)

    def get_search_results(self, request, queryset, search_term):
        if not search_term.strip():
            return queryset, False
        return articles_search(articles=queryset, text=search_term), False

    def changelist_view(self, request, extra_context=None):
        extra = {"overdue_events": overdue_events()} | (extra_context or {})
        return super().changelist_view(request, extra)

    @admin.display(description="image")
    def hero_thumbnail(self, article):
        return thumbnail_html(article.hero_image)

    @admin.display(description="signature")
    def byline(self, article):
        # In byline order (ArticleAuthor.position), prefetched by the list.
        return ", ".join(byline.author.name for byline in article.bylines.all())

    @admin.display(description="direct")
    def live_link(self, article):
        if article.format != Article.Format.LIVE:
            return ""
        # The posting screen of the live app (live/admin.py).
        return format_html(
            '<a href="{}">Écrire dans le direct</a>',
            reverse("admin:live_livecoverage_post", args=[article.pk]),
        )

    @admin.display(description="statut", ordering="status")
    def status_badge(self, article):
        if (
            article.status == Article.Status.DRAFT
            and getattr(article, "last_review", "") == AuditEvent.Action.SENT_BACK
        ):
            return format_html(
                '<span class="status-badge status-sent_back">Renvoyé</span>'
                '<span class="sent-back-comment">{}</span>',
                article.last_review_comment,
            )
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
