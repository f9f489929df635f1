"""RSS 2.0 feeds: the whole site, and one per section, author and tag."""

import logging

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Enclosure, Rss201rev2Feed
from django.utils.html import escape
from taggit.models import Tag

from articles.models import Article, Author, Section
from images.pictures import is_showable, stored_rendition
from images.renditions import OG_SPEC, SPECS
from website import queries, seo
from website.queries import Parts

logger = logging.getLogger(__name__)

ITEMS = 30
DC = "http://purl.org/dc/elements/1.1/"
# The picture an item carries: the 16:9 crop, else the Open Graph one.
ENCLOSURE_SPECS = (SPECS["16x9.jpg"], OG_SPEC)


class NewsFeed(Rss201rev2Feed):
    """RSS 2.0 with Dublin Core: one ``<dc:creator>`` per author (readers
    list co-authors, where one « A, B » element is one person to them) and
    the item's ``<dc:language>``.

    ``dc:language`` rather than ``xml:lang`` on ``<item>``: feed readers
    take RSS elements by name and most ignore XML attributes (feedparser,
    which many use, reads both), and the channel already speaks Dublin Core."""

    def rss_attributes(self):
        return super().rss_attributes() | {"xmlns:dc": DC}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name in item["creators"]:
            handler.addQuickElement("dc:creator", name)
        handler.addQuickElement("dc:language", item["language"])


class ArticleFeed(Feed):
    feed_type = NewsFeed
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

    def item_extra_kwargs(self, item):
        return {
            "creators": [byline.author.name for byline in Parts.of(item).bylines],
            "language": item.language,
        }

    def item_guid(self, item):
        # Its id, not its address: a new slug or section is not a new item.
        return f"urn:newsday:article:{item.pk}"

    item_guid_is_permalink = False

    def item_author_link(self, item):
        bylines = Parts.of(item).bylines
        return seo.absolute(bylines[0].author.get_absolute_url()) if bylines else None

    def item_categories(self, item):
        return [item.section.name, *(tag.name for tag in Parts.of(item).tags)]

    def item_enclosures(self, item):
        """The stored crop's own URL, size and type. A crop not made yet
        (the upload's job makes them; ``generate_renditions`` for older
        photos) is left out: an enclosure must give the file's size, and
        readers do not all follow redirects."""
        if not item.hero_image_id or not is_showable(item.hero_image):
            return []
        rendition = stored_rendition(item.hero_image, ENCLOSURE_SPECS)
        if rendition is None:
            return []
        try:
            size = rendition.file.size
        except OSError:
            logger.warning("Rendition file missing: %s", rendition.file.name)
            return []
        return [
            Enclosure(
                seo.absolute(rendition.file.url),
                str(size),
                SPECS[rendition.spec].format.mime,
            )
        ]


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
