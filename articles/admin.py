from django.contrib import admin
from django.db.models import Count
from django.http import JsonResponse
from django.urls import path
from django.utils.html import format_html
from taggit.models import Tag

from articles.forms import ArticleAdminForm
from articles.models import Article, ArticleAuthor, Author, RelatedLink, Section
from articles.redirects import keeping_old_url


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


class BylineInline(admin.TabularInline):
    model = ArticleAuthor
    autocomplete_fields = ["author"]
    fields = ["author", "position"]
    extra = 1
    verbose_name = "auteur"
    verbose_name_plural = "auteurs (dans l’ordre de la signature)"


class RelatedLinkInline(admin.TabularInline):
    model = RelatedLink
    fk_name = "article"
    autocomplete_fields = ["target"]
    fields = ["target", "url", "title", "position"]
    extra = 1


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleAdminForm
    inlines = [BylineInline, RelatedLinkInline]
    list_display = [
        "title",
        "section",
        "byline",
        "status",
        "publish_at",
        "is_featured",
        "word_count",
    ]
    list_filter = [
        "status",
        "section",
        "authors",
        ("publish_at", admin.DateFieldListFilter),
        "is_featured",
        "is_breaking",
    ]
    list_select_related = ["section"]
    search_fields = ["title", "standfirst", "slug"]
    search_help_text = "Rechercher dans le titre, le chapô ou l’identifiant d’URL."
    date_hierarchy = "publish_at"
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = [
        "reading_stats",
        "first_published_at",
        "created_at",
        "modified_at",
    ]
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
                ]
            },
        ),
        (
            "Image principale",
            {"fields": ["hero_image", "hero_alt", "hero_caption", "hero_credit"]},
        ),
        ("Classement", {"fields": ["tags", "sources", "is_featured", "is_breaking"]}),
        (
            "Publication",
            {
                "fields": [
                    "status",
                    "publish_at",
                    "unpublish_at",
                    "updated_at",
                    "first_published_at",
                    "created_at",
                    "modified_at",
                ]
            },
        ),
    ]

    class Media:
        js = ["js/admin/article-editor.js"]
        css = {"all": ["css/admin.css"]}

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("authors")

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        # A changed slug or section leaves the old address answering 301.
        with keeping_old_url(obj):
            super().save_model(request, obj, form, change)

    @admin.display(description="signature")
    def byline(self, article):
        return ", ".join(author.name for author in article.authors.all())

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

    def get_urls(self):
        suggest = self.admin_site.admin_view(self.tag_suggestions)
        return [
            path("mots-cles/", suggest, name="articles_article_tag_suggestions"),
            *super().get_urls(),
        ]

    def tag_suggestions(self, request):
        """Existing tags that start with ``q``, for the tag field's suggestions."""
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
