"""Links that show an unpublished article to someone without an account:
made, listed and revoked."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils import timezone

from articles import services
from articles.admin.forms import PreviewLinkForm
from articles.admin.pages import require_post
from articles.models import Article, PreviewLink
from core.adminpages import admin_url
from core.formats import french_datetime


class PreviewLinkViews:
    """Mixed into ``ArticleAdmin``."""

    def preview_links_view(self, request, object_id):
        article = self.article_or_404(request, object_id)
        if not request.user.has_perm("articles.share_preview_article"):
            raise PermissionDenied
        form = PreviewLinkForm(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            link = services.preview_link_create(
                article=article,
                user=request.user,
                lifetime=form.lifetime,
                note=form.cleaned_data["note"],
            )
            self.message_user(
                request,
                f"Lien créé, valable jusqu’au {french_datetime(link.expires_at)}.",
                messages.SUCCESS,
            )
            return HttpResponseRedirect(request.path)
        now = timezone.now()
        links = [
            (link, link.full_url(request), link.is_active(now))
            for link in article.preview_links.select_related("created_by")
        ]
        return self.page(
            request,
            "preview_links.html",
            f"Partager un aperçu de « {article.title} »",
            article,
            form=form,
            links=links,
        )

    def revoke_link_view(self, request, object_id, link):
        require_post(request)
        article = self.article_or_404(request, object_id)
        preview_link = get_object_or_404(PreviewLink, pk=link, article=article)
        services.preview_link_revoke(link=preview_link, user=request.user)
        self.message_user(
            request, "Lien révoqué : il ne montre plus rien.", messages.SUCCESS
        )
        return HttpResponseRedirect(admin_url(Article, "preview_links", article.pk))
