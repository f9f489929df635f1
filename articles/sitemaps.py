"""Sitemaps: an index of paginated sitemaps (articles, sections, authors)
and a Google News sitemap of the last two days' articles."""

import datetime as dt
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Exists, OuterRef
from django.utils import timezone

from articles.models import Article, ArticleAuthor, Author, Section
from articles.pagination import PageCountPaginator

NEWS_WINDOW = dt.timedelta(hours=48)
# Google News reads at most 1,000 URLs per news sitemap.
NEWS_LIMIT = 1000


class SiteSitemap(Sitemap):
    """URLs on the public site (SITE_URL), whatever host the request used."""

    @property
    def protocol(self):
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc


class ArticleSitemap(SiteSitemap):
    limit = 5000

    @property
    def paginator(self):
        # The index counts the articles for its page numbers; a page of the
        # sitemap reads its rows without counting the archive first.
        return PageCountPaginator(self._items(), self.limit)

    def items(self):
        return (
            Article.objects.published()
            .select_related("section")
            .only(
                "slug",
                "publish_at",
                "updated_at",
                "created_at",
                "section__slug",
            )
            .order_by("-publish_at", "-id")
        )

    def lastmod(self, article):
        return max(filter(None, [article.publish_at, article.updated_at]))

    def get_latest_lastmod(self):
        # Two walks of an index, newest first, each stopping at its first
        # live row: one aggregate of both maxima would read every article.
        live = Article.objects.published()
        latest = [
            live.order_by("-publish_at", "-id").values_list("publish_at").first(),
            live.filter(updated_at__isnull=False)
            .order_by("-updated_at")
            .values_list("updated_at")
            .first(),
        ]
        return max((row[0] for row in latest if row), default=None)


class SectionSitemap(SiteSitemap):
    def items(self):
        return Section.objects.filter(is_active=True)


class AuthorSitemap(SiteSitemap):
    def items(self):
        # A semi-join stops at each author's first published article, where
        # a join and DISTINCT read every byline of the archive.
        has_published = ArticleAuthor.objects.filter(
            author=OuterRef("pk"), article__in=Article.objects.published()
        )
        return Author.objects.filter(Exists(has_published)).order_by("name")


class NewsSitemap(ArticleSitemap):
    """Google News: articles published in the last 48 hours."""

    limit = NEWS_LIMIT

    def items(self):
        since = timezone.now() - NEWS_WINDOW
        return (
            super()
            .items()
            .filter(publish_at__gte=since)
            .only(
                "title",
                "slug",
                "publish_at",
                "updated_at",
                "created_at",
                "section__slug",
            )[:NEWS_LIMIT]
        )

    def get_latest_lastmod(self):
        return None


SITEMAPS = {
    "articles": ArticleSitemap,
    "sections": SectionSitemap,
    "auteurs": AuthorSitemap,
    "news": NewsSitemap,
}
