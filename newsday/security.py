"""Security pieces Django has no setting for: ``Permissions-Policy``,
``Cross-Origin-Resource-Policy``, a request body limit per form, and django-axes'
lockout page."""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig

# The article's edit page and its autosave: a long article with pasted
# content needs more than any other form (ARTICLE_POST_MAX_MB).
ARTICLE_FORM_VIEWS = frozenset(
    f"admin:articles_article_{name}"
    for name in ("add", "change", "autosave", "autosave_new")
)


def post_max_size(request) -> int:
    """The most bytes of form data this request may send. Django's own
    limit, DATA_UPLOAD_MAX_MEMORY_SIZE, is the article form's, so that it
    lets it through, and still counts the fields of multipart bodies (whose
    files are not counted); every other body gets POST_MAX_SIZE."""
    match = request.resolver_match
    if (match and match.view_name in ARTICLE_FORM_VIEWS) or (
        request.content_type == "multipart/form-data"
    ):
        return settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    return settings.POST_MAX_SIZE


class RequestSizeMiddleware:
    """Refuse a body over :func:`post_max_size` from its declared length,
    before anything reads it (list it before ``CsrfViewMiddleware``, which
    reads the form). ``handler400`` answers the refusal with a French 413."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.content_type == "multipart/form-data":
            return None
        try:
            length = int(request.headers.get("content-length") or 0)
        except ValueError:
            length = 0  # Read as empty by Django too.
        if length > post_max_size(request):
            raise RequestDataTooBig(
                "Request body exceeded the limit of this form (POST_MAX_SIZE)."
            )
        return None


class CrossOriginResourcePolicyMiddleware:
    """Send ``Cross-Origin-Resource-Policy``. Other sites may not load our
    pages, scripts or styles as resources (``same-origin``), but may show our
    photos (``cross-origin``): partners, web feed readers and aggregators
    embed them, as the RSS enclosures and share previews invite to. Photos
    are the files under MEDIA_URL and the rendition addresses that redirect
    to them. Listed before whitenoise so that static files get it too."""

    # URL names (newsday/urls.py) and namespaces (images/urls.py) of photos.
    PHOTOS = {"media", "images"}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        match = request.resolver_match
        photo = match is not None and bool(
            {match.view_name, match.namespace} & self.PHOTOS
        )
        response.headers.setdefault(
            "Cross-Origin-Resource-Policy", "cross-origin" if photo else "same-origin"
        )
        return response


class PermissionsPolicyMiddleware:
    """Send ``Permissions-Policy`` (Django has no setting for it)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.value = ", ".join(
            f"{feature}=({' '.join(allow)})"
            for feature, allow in settings.PERMISSIONS_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.value)
        return response


def lockout_response(request, original_response, credentials):
    """django-axes lockout: a French page with HTTP 429 and ``Retry-After``.

    It says the same whether or not the user name exists.
    """
    from django.contrib import admin
    from django.shortcuts import render

    seconds = int(settings.AXES_COOLOFF_TIME.total_seconds())
    context = admin.site.each_context(request) | {
        "cooloff_minutes": max(1, seconds // 60)
    }
    response = render(request, "axes/lockout.html", context, status=429)
    response["Retry-After"] = str(seconds)
    return response
