"""French pages for refused requests: 400, 403, CSRF failure and 413.

Django's own pages are English (« Bad Request (400) », « 403 Forbidden »).
In the admin, a refusal is drawn in the admin's frame and says what became of
the text being written; elsewhere it is a reader-site page rendered without
the request (website/jinja2/error.html), because the cause may be the request
itself: an unknown host (``DisallowedHost``) fails again at the first
``get_host()``, before sessions and users exist.
"""

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import RequestDataTooBig
from django.http import HttpResponse
from django.template import loader
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from newsday.security import post_max_size


def bad_request(request, exception=None):
    """``handler400``; a body over the size limit answers 413."""
    if isinstance(exception, RequestDataTooBig):
        return too_large(request)
    return site_page("400.html", status=400)


def permission_denied(request, exception=None):
    """``handler403``: in the admin, e.g. a journalist opening an editor's
    action, the admin's frame with a way back."""
    if in_admin(request):
        return admin_page(request, "403.html", "Accès refusé", 403, came_from(request))
    return site_page("403.html", status=403)


def csrf_failure(request, reason=""):
    """``CSRF_FAILURE_VIEW``: an expired form. The page itself is offered
    again: the article's edit page then offers its autosave back."""
    if in_admin(request):
        return admin_page(
            request, "403_csrf.html", "Formulaire expiré", 403, request.path
        )
    return site_page("403_csrf.html", status=403)


def too_large(request):
    """413 for a body over the limit (newsday.security.RequestSizeMiddleware,
    or Django's DATA_UPLOAD_MAX_MEMORY_SIZE). Nothing of it was read; in the
    admin the text is in the autosave, which reopening the page offers back."""
    megabytes = f"{post_max_size(request) / 1024 / 1024:.1f}".removesuffix(".0")
    context = {"limit": megabytes.replace(".", ",")}
    if in_admin(request):
        return admin_page(
            request, "413.html", "Envoi trop volumineux", 413, request.path, context
        )
    return site_page("413.html", status=413, context=context)


def in_admin(request) -> bool:
    # Without a user (the request failed before authentication ran) the
    # admin's frame cannot be drawn.
    return hasattr(request, "user") and request.path.startswith(reverse("admin:index"))


def came_from(request) -> str:
    referer = request.headers.get("referer", "")
    if url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return referer
    return reverse("admin:index")


def admin_page(request, template, title, status, back_url, context=None):
    response = TemplateResponse(
        request,
        f"admin/refusals/{template}",
        admin.site.each_context(request)
        | {"title": title, "back_url": back_url}
        | (context or {}),
        status=status,
    )
    response["Cache-Control"] = "no-store"
    return response.render()


def site_page(template, *, status, context=None):
    body = loader.render_to_string(
        template, {"SITE_NAME": settings.SITE_NAME} | (context or {})
    )
    response = HttpResponse(body, status=status)
    response["Cache-Control"] = "no-store"
    return response
