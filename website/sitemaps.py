"""Sitemaps: an index of the sections, the authors, a Google News sitemap of
the last two days' articles, and one sitemap of articles per month.

A sitemap per calendar month of publication (the newsroom's time zone,
``settings.TIME_ZONE``), ``/sitemap-articles-2026-11.xml``, rather than pages
of the whole archive: numbering pages cost the index a count of every live
article, and a deep page an OFFSET. The index finds the months in one query
(``Article.objects.published_months()``); a month's sitemap reads a range of
the ``publish_at`` index. All render with Jinja2
(``website/jinja2/sitemaps/``), a few microseconds per URL.
"""

import datetime as dt
import logging
import re
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.db.models import Exists, OuterRef
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from markupsafe import escape

from articles.freshness import ReaderCopy
from articles.models import (
    LAST_CHANGE,
    Article,
    ArticleAuthor,
    Author,
    Section,
    article_path,
)
from core.formats import iso_datetime
from core.links import cached_reverse
from website.pagination import FirstPagePaginator
from website.seo import absolute

logger = logging.getLogger("website.sitemaps")

NEWS_WINDOW = dt.timedelta(hours=48)
# Google News reads at most 1,000 URLs per news sitemap.
NEWS_LIMIT = 1000
# The sitemaps protocol's limit of URLs per sitemap.
MONTH_LIMIT = 50_000
# The time zone of models.PUBLICATION_MONTH.
NEWSROOM_TZ = ZoneInfo(settings.TIME_ZONE)
MONTH_SECTION = re.compile(r"articles-(?P<year>[0-9]{4})-(?P<month>[0-9]{2})")


def month_section(moment: dt.datetime) -> str:
    """The index's name for the sitemap of the month of ``moment`` in the
    newsroom's time zone: « articles-2026-11 »."""
    local = moment.astimezone(NEWSROOM_TZ)
    return f"articles-{local.year:04d}-{local.month:02d}"


def month_sitemap_path(moment: dt.datetime) -> str:
    """The path of the sitemap that lists an article published at ``moment``."""
    return cached_reverse("sitemap", section=month_section(moment))


class SiteSitemap(Sitemap):
    """URLs on the public site (SITE_URL), whatever host the request used."""

    # Neither is given. Declared, Django reads them per URL as found
    # attributes, cheaper than missing ones.
    priority = None
    changefreq = None

    @property
    def protocol(self):
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc

    @property
    def paginator(self):
        # One page, never counted: the index would count each sitemap to
        # number its pages, and none reaches the protocol's 50,000 URLs
        # (sections, authors; the news sitemap holds 1,000 at most).
        return FirstPagePaginator(self._items(), self.limit)


class ArticleSitemap(SiteSitemap):
    """Live articles, newest first; subclasses choose which.

    Its items are rows (named tuples of ``FIELDS``), not articles: building
    an article per URL, its section joined and its other fields deferred,
    cost more than everything else a month's sitemap does.
    """

    FIELDS = ("section__slug", "slug", "publish_at")

    def items(self):
        return (
            Article.objects.published()
            .annotate(last_change=LAST_CHANGE)
            .order_by("-publish_at", "-id")
            .values_list(*self.FIELDS, "last_change", named=True)
        )

    def location(self, row):
        return article_path(row.section__slug, row.slug, row.publish_at)

    def lastmod(self, row):
        # As the index dates each month.
        return row.last_change


class ArticleMonthSitemap(ArticleSitemap):
    """The live articles published in one calendar month, newest first.

    At most 50,000 URLs, the protocol's limit for one sitemap: a newsroom
    would have to publish 1,600 articles a day to reach it. A month past it
    lists its newest 50,000 articles and logs a warning, rather than number a
    second page: the index would have to count every month for that.
    """

    limit = MONTH_LIMIT

    def __init__(self, month: dt.datetime):
        """``month``: midnight on its first day in the newsroom's time zone."""
        self.month = month
        # In UTC now: a date the database cannot hold fails here, not there.
        self.start = month.astimezone(dt.UTC)
        self.end = (month + dt.timedelta(days=32)).replace(day=1).astimezone(dt.UTC)

    @classmethod
    def for_section(cls, section: str):
        """The sitemap named ``articles-YYYY-MM``, or None for a name that is
        not a month or for a month to come. A past month without any live
        article passes here and is not found once its page reads empty."""
        match = MONTH_SECTION.fullmatch(section)
        if not match:
            return None
        try:
            month = dt.datetime(
                int(match["year"]), int(match["month"]), 1, tzinfo=NEWSROOM_TZ
            )
            if month > timezone.now():
                return None
            return cls(month)
        except (ValueError, OverflowError):
            return None

    @property
    def paginator(self):
        # An empty month raises EmptyPage: a 404.
        return FirstPagePaginator(
            self._items(), self.limit, allow_empty_first_page=False
        )

    def items(self):
        # A range of the publish_at index; the same months as PUBLICATION_MONTH.
        return (
            super().items().filter(publish_at__gte=self.start, publish_at__lt=self.end)
        )

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        if len(urls) >= self.limit:
            logger.warning(
                "Sitemap %s reached %d URLs: older articles of the month are left out.",
                month_section(self.month),
                self.limit,
            )
        return urls


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
    FIELDS = (*ArticleSitemap.FIELDS, "title")

    def items(self):
        since = timezone.now() - NEWS_WINDOW
        return super().items().filter(publish_at__gte=since)[:NEWS_LIMIT]

    def get_latest_lastmod(self):
        return None


# The sitemaps of the index besides the months, by name (sitemap-<name>.xml).
SITEMAPS = {
    "sections": SectionSitemap,
    "auteurs": AuthorSitemap,
    "news": NewsSitemap,
}


def index_entries(at=None):
    """The index's entries, ``[(location, lastmod or None), …]``: the sitemaps
    above, then one per month that has a live article, newest first, each
    dated by its last change, from one query whatever the size of the archive.

    Escaped here, once per read, rather than by the template at every
    request: escaping was three quarters of what each month cost the page.
    """
    entries = [(cached_reverse("sitemap", section=name), None) for name in SITEMAPS]
    entries += [
        (month_sitemap_path(month), iso_datetime(lastmod))
        for month, lastmod in Article.objects.published_months(at)
    ]
    return [
        (escape(absolute(path)), lastmod and escape(lastmod))
        for path, lastmod in entries
    ]


def render_index():
    return render_to_string("sitemaps/index.xml", {"sitemaps": index_entries()})


# The index, rendered, is kept in the shared cache and in each process until
# what readers see changes, and never past the next instant at which it does
# (``ReaderCopy``): it then costs no query for one month or a hundred
# (docs/design/reader-copies.md).
index = ReaderCopy("website:sitemap-index", render_index)


def sitemap_index(request):
    """``/sitemap.xml``: ``index_entries()``.

    Not Django's index view: it builds every sitemap's queryset to number
    its pages, and dates each by reading its items. Ours have one page,
    and the months' dates come with the months.
    """
    response = HttpResponse(index.get(), content_type="application/xml")
    # As Django's sitemap views do.
    response.headers["X-Robots-Tag"] = "noindex, noodp, noarchive"
    return response


def sitemap_section(request, section):
    """``/sitemap-<section>.xml``: one of the sitemaps above or a month's."""
    site = SITEMAPS.get(section) or ArticleMonthSitemap.for_section(section)
    if site is None:
        raise Http404(f"Aucun plan du site « {section} ».")
    return sitemap_views.sitemap(
        request,
        {section: site},
        section=section,
        template_name="sitemaps/sitemap.xml",
    )
