"""The tags (« Mots-clés »): taggit's own admin replaced by one in French
that merges duplicates."""

from django.contrib import admin, messages
from django.db.models import Count
from taggit.models import Tag

from articles.admin.pages import message_of
from articles.services.checks import WorkflowError
from articles.services.tags import tag_merge
from core.adminpages import FrenchTitles

if admin.site.is_registered(Tag):
    admin.site.unregister(Tag)


@admin.register(Tag)
class TagAdmin(FrenchTitles, admin.ModelAdmin):
    add_title = "Nouveau mot-clé"
    list_title = "Mots-clés"
    object_name = "le mot-clé"
    list_display = ["name", "slug", "uses"]
    search_fields = ["name"]
    ordering = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    actions = ["merge"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(uses=Count("taggit_taggeditem_items"))
        )

    @admin.display(description="articles", ordering="uses")
    def uses(self, tag):
        return tag.uses

    @admin.action(
        description="Fusionner les mots-clés sélectionnés", permissions=["delete"]
    )
    def merge(self, request, queryset):
        try:
            kept, names = tag_merge(tags=queryset, user=request.user)
        except WorkflowError as error:
            self.message_user(request, message_of(error), messages.ERROR)
            return
        merged = ", ".join(f"« {name} »" for name in names)
        self.log_change(request, kept, f"Fusion de {merged} dans ce mot-clé.")
        self.message_user(
            request, f"{merged} fusionné(s) dans « {kept.name} ».", messages.SUCCESS
        )
