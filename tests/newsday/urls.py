"""The site's URLs plus a few views that exercise the page cache's refusals."""

from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import include, path
from django.views.decorators.cache import never_cache

from newsday.urls import handler400, handler403, handler500  # noqa: F401


def with_csrf_token(request):
    return HttpResponse(f"<form>{get_token(request)}</form>")


def with_csp_nonce(request):
    return HttpResponse(f"<script nonce='{request._csp_nonce}'></script>")


@never_cache
def private_page(request):
    return HttpResponse("privé")


def sets_cookie(request):
    response = HttpResponse("cookie")
    response.set_cookie("choice", "1")
    return response


def broken(request):
    raise RuntimeError("a bug, not an outage")


urlpatterns = [
    path("test/csrf/", with_csrf_token),
    path("test/nonce/", with_csp_nonce),
    path("test/private/", private_page),
    path("test/cookie/", sets_cookie),
    path("test/boom/", broken),
    path("", include("newsday.urls")),
]
