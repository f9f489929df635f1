from django.conf import settings
from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "News Day FR — Rédaction"
admin.site.site_title = "News Day FR"
admin.site.index_title = "Tableau de bord"

# A database outage answers a French 503 instead of a 500 (newsday/errors.py).
handler500 = "newsday.errors.server_error"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("images/", include("images.urls")),
    path("preview/", include("articles.preview")),
    path("", include("articles.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
