from django.contrib import admin
from django.utils.html import format_html

from articles.models import Article, AuditEvent
from core.adminpages import FrenchTitles, admin_url
from core.formats import french_datetime, person_name


@admin.register(AuditEvent)
class AuditEventAdmin(FrenchTitles, admin.ModelAdmin):
    """The editorial log: read only, filterable by action, person and date."""

    list_title = "Journal éditorial"
    object_name = "l’évènement"

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
        return person_name(event.actor)

    @admin.display(description="article", ordering="article_title")
    def article_link(self, event):
        if event.article_id is None:
            return event.article_title
        return format_html(
            '<a href="{}">{}</a>',
            admin_url(Article, "change", event.article_id),
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
