"""Previews of unpublished articles with the real public template.

Two ways in, both subclasses of the public ``ArticleDetailView`` that only
change how the article is found and add headers that keep the page out of
caches and search engines:

- ``/preview/article/<pk>/``: for people signed in to the admin who may see
  the article (``?revision=N`` shows an old revision, ``?modification=ID`` a
  new version scheduled for later);
- ``/preview/lien/<token>/``: a shared link for people without an account.
  The token is signed with the site's secret and names one PreviewLink row,
  which says whether the link still works (48 h by default, revocable). It
  shows that one article and nothing else.
"""

import datetime as dt
from dataclasses import dataclass

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import path
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.decorators import method_decorator

from articles.models import Article, PreviewLink, ScheduledChange
from articles.services.checks import is_live
from articles.services.rights import can_view
from core.staff import verified_staff_required
from images.body import image_ids
from images.views import preview_grant
from website import queries
from website.views import ArticleDetailView

# How long the images of a shared preview stay open to its visitor after the
# page was last shown: a revoked link closes them within that time.
IMAGE_GRANT = dt.timedelta(hours=1)


def is_number(value: str) -> bool:
    # ASCII digits only (« ² » is a digit to Python, not to int()), and few
    # enough for a database column.
    return value.isascii() and value.isdigit() and len(value) <= 18


class LinkUnavailable(Exception):
    """A genuine link that no longer works (expired or revoked)."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class PreviewBar:
    """The « Aperçu » bar over a preview, and what the page says instead of
    « Publié le »: the planned date, or « Non programmé »."""

    label: str
    # Readers see this article now: the page's own dates are true.
    live: bool
    # When this version goes online, if planned.
    planned_at: dt.datetime | None = None


def preview_bar(article, *, live: bool, planned_at=None, label="") -> PreviewBar:
    if planned_at is None and not live and article.status == Article.Status.SCHEDULED:
        planned_at = article.publish_at
    return PreviewBar(
        label=label or ("Aperçu – version en ligne" if live else "Aperçu – non publié"),
        live=live,
        planned_at=planned_at,
    )


class PreviewMixin:
    # Set by get_object: the « Aperçu » bar of the version shown.
    bar = None

    def get_context_data(self, **kwargs):
        if self.bar is None:
            self.bar = preview_bar(self.object, live=is_live(self.object))
        return super().get_context_data(preview=self.bar, **kwargs)

    def get(self, request, *args, **kwargs):
        try:
            self.object = self.get_object()
        except LinkUnavailable as error:
            response = render(
                request,
                "preview/unavailable.html",
                {"reason": error.reason},
                status=410,
            )
        else:
            response = self.render_to_response(
                self.get_context_data(object=self.object, is_preview=True)
            )
        add_never_cache_headers(response)
        patch_cache_control(response, private=True, no_store=True)
        response["X-Robots-Tag"] = "noindex, nofollow"
        # The token must not leak to other sites through the Referer header.
        response["Referrer-Policy"] = "no-referrer"
        return response


@method_decorator(verified_staff_required, name="dispatch")
class ArticlePreviewView(PreviewMixin, ArticleDetailView):
    """« Prévisualiser » in the admin: any version of an article the user
    may see, published or not."""

    def get_object(self, queryset=None):
        article = get_object_or_404(
            queries.with_lists(
                Article.objects.select_related("section"), *queries.ALL_LISTS
            ),
            pk=self.kwargs["pk"],
        )
        if not can_view(self.request.user, article):
            raise Http404
        if number := self.request.GET.get("revision", "").strip():
            if not is_number(number):
                raise Http404
            revision = get_object_or_404(article.revisions, number=int(number))
            self.bar = preview_bar(
                article,
                live=is_live(article),
                label=f"Aperçu – révision n° {revision.number}, non publiée",
            )
            return article.show_content(revision.content)
        if change := self.request.GET.get("modification", "").strip():
            if not is_number(change):
                raise Http404
            scheduled = get_object_or_404(ScheduledChange, pk=change, article=article)
            self.bar = preview_bar(
                article,
                live=False,
                planned_at=scheduled.apply_at,
                label="Aperçu – nouvelle version, non publiée",
            )
            return article.show_content(scheduled.content)
        return article


class SharedPreviewView(PreviewMixin, ArticleDetailView):
    """A shared preview link: one article, for anyone holding the link."""

    def get_object(self, queryset=None):
        ids = PreviewLink.ids_from_token(self.kwargs["token"])
        if ids is None:
            raise Http404
        link_id, article_id = ids
        link = (
            PreviewLink.objects.select_related(
                "article__section", "article__hero_image"
            )
            .filter(pk=link_id, article_id=article_id)
            .first()
        )
        if link is None:
            raise Http404
        now = timezone.now()
        if link.revoked_at is not None:
            raise LinkUnavailable("revoked")
        if now >= link.expires_at:
            raise LinkUnavailable("expired")
        PreviewLink.objects.filter(pk=link.pk).update(last_used_at=now)
        article = queries.with_lists(
            Article.objects.select_related("section"), *queries.ALL_LISTS
        ).get(pk=link.article_id)
        # The page links images readers cannot open yet (renditions not made,
        # article unpublished): open them to this visitor, for this article only.
        preview_grant(
            self.request,
            {article.hero_image_id, *image_ids(article.body)},
            until=min(link.expires_at, now + IMAGE_GRANT),
        )
        return article


app_name = "preview"
urlpatterns = [
    path("article/<int:pk>/", ArticlePreviewView.as_view(), name="article"),
    path("lien/<str:token>/", SharedPreviewView.as_view(), name="link"),
]
