class PermissionsPolicyMiddleware:
    """Send ``Permissions-Policy`` (Django has no setting for it)."""

    def __init__(self, get_response):
        from django.conf import settings

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
    from django.conf import settings
    from django.contrib import admin
    from django.shortcuts import render

    seconds = int(settings.AXES_COOLOFF_TIME.total_seconds())
    context = admin.site.each_context(request) | {
        "cooloff_minutes": max(1, seconds // 60)
    }
    response = render(request, "axes/lockout.html", context, status=429)
    response["Retry-After"] = str(seconds)
    return response
