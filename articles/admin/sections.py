from django.contrib import admin
from django.db.models import Count

from articles.models import Section
from core.adminpages import FrenchTitles


@admin.register(Section)
class SectionAdmin(FrenchTitles, admin.ModelAdmin):
    add_title = "Nouvelle rubrique"
    list_title = "Rubriques"
    object_name = "la rubrique"
    list_display = ["name", "slug", "position", "is_active", "article_count"]
    list_editable = ["position", "is_active"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n_articles=Count("articles"))

    @admin.display(description="articles", ordering="n_articles")
    def article_count(self, section):
        return section.n_articles
