"""Subscribers, with the GDPR export (JSON download) and erasure."""

import json

from django.contrib import admin, messages
from django.http import HttpResponse

from newsletters import services
from newsletters.models import Subscriber, Subscription


class SubscriptionInline(admin.TabularInline):
    model = Subscription
    extra = 0
    fields = [
        "newsletter",
        "consented_at",
        "confirmed_at",
        "source_url",
        "consent_text",
    ]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ["email", "created_at", "suppressed_at", "suppression_reason"]
    search_fields = ["email"]
    list_filter = [
        ("suppressed_at", admin.EmptyFieldListFilter),
        "subscriptions__newsletter",
    ]
    readonly_fields = ["email", "created_at"]
    inlines = [SubscriptionInline]
    actions = ["export_selected", "erase_selected"]

    def has_add_permission(self, request):
        return False

    @admin.action(permissions=["view"], description="Exporter les données (RGPD)")
    def export_selected(self, request, queryset):
        data = [services.subscriber_export(subscriber=s) for s in queryset]
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = 'attachment; filename="abonnes.json"'
        return response

    @admin.action(permissions=["delete"], description="Effacer les données (RGPD)")
    def erase_selected(self, request, queryset):
        count = 0
        for subscriber in queryset:
            services.subscriber_erase(subscriber=subscriber)
            count += 1
        self.message_user(request, f"{count} abonné(s) effacé(s).", messages.SUCCESS)
