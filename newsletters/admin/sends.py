"""Sends: their progress and totals, preview, test to oneself, cancel."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import (
    Http404,
    HttpResponse,
    HttpResponseNotAllowed,
    HttpResponseRedirect,
)
from django.shortcuts import get_object_or_404

from core.adminpages import admin_route, admin_url
from newsletters import sending
from newsletters.admin import alerts
from newsletters.models import Delivery, Send


@admin.register(Send)
class SendAdmin(admin.ModelAdmin):
    list_display = [
        "subject",
        "newsletter",
        "state",
        "scheduled_for",
        "sent_count",
        "failed_count",
        "total",
    ]
    list_filter = ["state", "newsletter"]
    change_form_template = "admin/newsletters/send/change_form.html"
    readonly_fields = [
        "newsletter",
        "subject",
        "article",
        "edition",
        "state",
        "scheduled_for",
        "created_by",
        "started_at",
        "finished_at",
        "total",
        "sent_count",
        "failed_count",
    ]
    fields = readonly_fields

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        return [
            admin_route(self, "<int:pk>/apercu/", self.preview_view, "preview"),
            admin_route(self, "<int:pk>/test/", self.test_view, "test"),
            admin_route(self, "<int:pk>/annuler/", self.cancel_view, "cancel"),
            admin_route(self, "alerte/<int:article_pk>/", self.alert_view, "alert"),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        # The admin's own lookup: an id that is not a number is not found
        # (get_object_or_404 raised ValueError, a 500).
        if (send := self.get_object(request, object_id)) is None:
            raise Http404("Envoi introuvable.")
        progress = send.deliveries.aggregate(
            sent=Count("pk", filter=Q(state=Delivery.State.SENT)),
            failed=Count("pk", filter=Q(state=Delivery.State.FAILED)),
            remaining=Count("pk", filter=Q(state=Delivery.State.PENDING)),
        )
        context = {
            "progress": progress,
            "articles": sending.send_articles(send),
            "can_cancel": send.state == Send.State.SCHEDULED
            and self.has_change_permission(request, send),
            **(extra_context or {}),
        }
        return super().change_view(request, object_id, form_url, context)

    def preview_view(self, request, pk):
        send = get_object_or_404(Send, pk=pk)
        if not self.has_view_permission(request, send):
            raise PermissionDenied
        rendered = sending.send_preview(send=send)
        response = HttpResponse(rendered.html)
        # The email's own styles, not the admin's policy, apply here.
        response.headers["Content-Security-Policy"] = (
            "default-src 'none'; style-src 'unsafe-inline'; img-src *"
        )
        return response

    def test_view(self, request, pk):
        send = self._post_only(request, pk)
        if isinstance(send, HttpResponse):
            return send
        try:
            sending.send_test(send=send, user=request.user)
        except sending.SendError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, f"E-mail de test envoyé à {request.user.email}.")
        return HttpResponseRedirect(admin_url(Send, "change", send.pk))

    def cancel_view(self, request, pk):
        send = self._post_only(request, pk)
        if isinstance(send, HttpResponse):
            return send
        if not self.has_change_permission(request, send):
            raise PermissionDenied
        if sending.send_cancel(send=send):
            messages.success(request, "L’envoi est annulé.")
        else:
            messages.error(
                request, "Cet envoi a déjà commencé : il ne peut plus être annulé."
            )
        return HttpResponseRedirect(admin_url(Send, "change", send.pk))

    def alert_view(self, request, article_pk):
        return alerts.alert_view(self, request, article_pk)

    def _post_only(self, request, pk):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        send = get_object_or_404(Send, pk=pk)
        if not self.has_view_permission(request, send):
            raise PermissionDenied
        return send
