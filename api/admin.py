"""Partner keys in the admin: created (the token shown once), listed, revoked."""

from django.contrib import admin, messages
from django.template.response import TemplateResponse

from api.models import PartnerKey
from api.services import partner_key_create, partner_key_revoke


@admin.register(PartnerKey)
class PartnerKeyAdmin(admin.ModelAdmin):
    list_display = ["name", "prefix", "rate_limit", "created_at", "state"]
    list_filter = [("revoked_at", admin.EmptyFieldListFilter)]
    search_fields = ["name", "prefix"]
    readonly_fields = ["prefix", "created_at", "created_by", "revoked_at"]
    actions = ["revoke"]

    @admin.display(description="état")
    def state(self, key):
        return "active" if key.is_active else "révoquée"

    def has_delete_permission(self, request, obj=None):
        # Revoked, not deleted: the list keeps who had access and until when.
        return False

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["name", "rate_limit"]
        return [
            "name",
            "prefix",
            "rate_limit",
            "created_at",
            "created_by",
            "revoked_at",
        ]

    def save_model(self, request, obj, form, change):
        if change:
            return super().save_model(request, obj, form, change)
        key, token = partner_key_create(
            name=obj.name, rate_limit=obj.rate_limit, created_by=request.user
        )
        # The admin logs the addition and links to the new key through ``obj``.
        obj.pk, obj.prefix, obj.created_at = key.pk, key.prefix, key.created_at
        request.partner_key_token = token

    def response_add(self, request, obj, post_url_continue=None):
        # The token is shown on this page and nowhere else: not in a message
        # (kept in a cookie or the session), not in a URL.
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Clé créée",
            "key": obj,
            "token": request.partner_key_token,
        }
        response = TemplateResponse(
            request, "admin/api/partnerkey/created.html", context
        )
        response.headers["Cache-Control"] = "no-store"
        return response

    @admin.action(description="Révoquer les clés sélectionnées")
    def revoke(self, request, queryset):
        revoked = sum(partner_key_revoke(key=key) for key in queryset)
        self.message_user(
            request,
            f"{revoked} clé(s) révoquée(s) : elles ne donnent plus accès à l’API.",
            messages.SUCCESS,
        )
