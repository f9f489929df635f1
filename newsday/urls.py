import re

from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path
from django.views.generic import TemplateView
from django.views.i18n import JavaScriptCatalog

from newsday import media
from website.sitemaps import NewsSitemap, sitemap_index, sitemap_section

admin.site.site_header = "News Day FR — Rédaction"
admin.site.site_title = "News Day FR"
admin.site.index_title = "Tableau de bord"

# A database outage answers a French 503 instead of a 500 (newsday/errors.py).
handler500 = "newsday.errors.server_error"
# French pages for refused requests, 413 for a body too large (newsday/refusals.py).
handler400 = "newsday.refusals.bad_request"
handler403 = "newsday.refusals.permission_denied"

# Photos and their renditions, where no nginx answers /media/ first
# (newsday/media.py); before the reader pages, whose patterns start with a slug.
media_patterns = [
    re_path(
        rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.+)$",
        media.serve,
        name="media",
    )
]

urlpatterns = [
    # The admin's JavaScript catalogue plus the rich-text editor's French.
    path(
        "admin/i18n/editeur.js",
        JavaScriptCatalog.as_view(
            packages=["django.contrib.admin", "django_prose_editor"]
        ),
        name="editor_jsi18n",
    ),
    path("admin/", admin.site.urls),
    path("images/", include("images.urls")),
    path("preview/", include("website.preview")),
    path("api/v1/", include("api.urls")),
    path("newsletters/", include("newsletters.urls")),
    # Public site: search engines' entry points, then the reader pages.
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots",
    ),
    path("sitemap.xml", sitemap_index, name="sitemap_index"),
    # Matched before the generic pattern below, which names it in the index.
    path(
        "sitemap-news.xml",
        sitemap_views.sitemap,
        {"sitemaps": {"news": NewsSitemap}, "template_name": "sitemaps/news.xml"},
    ),
    # sitemap-sections.xml, sitemap-auteurs.xml, sitemap-articles-2026-11.xml…
    path("sitemap-<section>.xml", sitemap_section, name="sitemap"),
    *(media_patterns if settings.SERVE_MEDIA else []),
    path("", include("website.urls")),
]
