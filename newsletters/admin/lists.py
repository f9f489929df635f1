from django.contrib import admin

from newsletters.models import NewsletterList, PinnedArticle


@admin.register(NewsletterList)
class NewsletterListAdmin(admin.ModelAdmin):
    list_display = ["name", "rhythm", "kind", "active", "position"]
    list_editable = ["active", "position"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(PinnedArticle)
class PinnedArticleAdmin(admin.ModelAdmin):
    """Articles editors pin for the next « Matinale »; it uses them up."""

    list_display = ["article", "newsletter", "position", "pinned_at", "used_by"]
    list_filter = ["newsletter"]
    autocomplete_fields = ["article"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("article", "newsletter", "used_by")
        )
