"""« Mes notifications »: each staff member's own inbox, read only."""

from django.contrib import admin, messages
from django.utils.html import format_html

from articles.models import Article
from core.adminpages import FrenchTitles, admin_url
from core.formats import french_datetime
from notifications.models import Notification
from notifications.services import notifications_mark_read


@admin.register(Notification)
class NotificationAdmin(FrenchTitles, admin.ModelAdmin):
    list_title = "Mes notifications"
    object_name = "la notification"
    list_display = ["when", "message", "comment", "is_read"]
    list_filter = [("read_at", admin.EmptyFieldListFilter)]
    list_select_related = ["article"]
    actions = ["mark_read"]
    list_per_page = 50

    def get_queryset(self, request):
        # One's own, whoever one is: nobody reads someone else's inbox.
        return super().get_queryset(request).filter(recipient=request.user)

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_staff

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request) and (
            obj is None or obj.recipient_id == request.user.pk
        )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="date", ordering="created_at")
    def when(self, notification):
        return french_datetime(notification.created_at)

    @admin.display(description="notification")
    def message(self, notification):
        if notification.article_id is None:
            return notification.text
        return format_html(
            '<a href="{}">{}</a>',
            admin_url(Article, "change", notification.article_id),
            notification.text,
        )

    @admin.display(description="lue", boolean=True)
    def is_read(self, notification):
        return notification.read_at is not None

    @admin.action(description="Marquer comme lues")
    def mark_read(self, request, queryset):
        count = notifications_mark_read(user=request.user, notifications=queryset)
        self.message_user(
            request,
            f"{count} notification(s) marquée(s) comme lue(s).",
            messages.SUCCESS,
        )
