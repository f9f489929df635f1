"""RSS 2.0 feeds: the whole site, and one per section, author and tag."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Enclosure, Rss201rev2Feed
from django.utils.html import escape
from taggit.models import Tag

from articles.models import Article, Author, Section
from website import queries, seo
from website.queries import Parts

ITEMS = 30


class ArticleFeed(Feed):
    feed_type = Rss201rev2Feed
    language = "fr"

    def title(self, obj=None):
        return settings.SITE_NAME + (f" — {obj}" if obj else "")

    def link(self, obj=None):
        return obj.get_absolute_url() if obj else reverse("website:home")

    def description(self, obj=None):
        return f"Les derniers articles de {settings.SITE_NAME}" + (
            f" : {obj}" if obj else "."
        )

    def filter_articles(self, obj, articles):
        return articles

    def items(self, obj=None):
        articles = queries.with_lists(
            Article.objects.published().for_cards().with_hero_image(),
            "byline_rows",
            "tag_rows",
        )
        return self.filter_articles(obj, articles)[:ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # RSS readers read <description> as HTML: the chapô is text, so it is
        # escaped here once more than the XML itself does, and a « <b> »
        # a journalist typed shows as typed instead of as bold.
        return escape(item.standfirst)

    def item_pubdate(self, item):
        return item.publish_at

    def item_updateddate(self, item):
        return item.updated_at if item.was_updated else None

    def item_author_name(self, item):
        return (
            ", ".join(byline.author.name for byline in Parts.of(item).bylines) or None
        )

    def item_author_link(self, item):
        bylines = Parts.of(item).bylines
        return seo.absolute(bylines[0].author.get_absolute_url()) if bylines else None

    def item_categories(self, item):
        return [item.section.name, *(tag.name for tag in Parts.of(item).tags)]

    def item_enclosures(self, item):
        url = seo.article_image_url(item)
        # The crop is made on demand: its size in bytes is not known here.
        return [Enclosure(url, "0", "image/jpeg")] if url else []


class SectionFeed(ArticleFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Section, slug=slug, is_active=True)

    def filter_articles(self, obj, articles):
        return articles.filter(section=obj)


class AuthorFeed(ArticleFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Author, slug=slug)

    def filter_articles(self, obj, articles):
        return articles.filter(authors=obj)


class TagFeed(ArticleFeed):
    def get_object(self, request, slug):
        tag = get_object_or_404(Tag, slug=slug)
        if not Article.objects.published().filter(tags=tag).exists():
            raise Http404("Aucun article publié avec ce mot-clé")
        return tag

    def link(self, obj=None):
        return reverse("website:tag", args=[obj.slug])

    def filter_articles(self, obj, articles):
        return articles.filter(tags=obj)
