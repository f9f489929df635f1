from django.conf import settings


def site(request):
    """Site-wide settings the templates need (name, base URL, Google News link)."""
    return {
        "SITE_NAME": settings.SITE_NAME,
        "SITE_URL": settings.SITE_URL,
        "GOOGLE_NEWS_URL": settings.GOOGLE_NEWS_URL,
    }
