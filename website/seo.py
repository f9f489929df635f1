"""What search engines and social networks read: page metadata and JSON-LD."""

import functools
from dataclasses import dataclass, field
from functools import cached_property

from django.conf import settings
from django.contrib.staticfiles import finders
from django.urls import reverse
from django.utils.encoding import iri_to_uri
from django.utils.text import Truncator
from PIL import Image as PILImage
from PIL import UnidentifiedImageError

from core.formats import iso_datetime
from core.links import cached_static
from images.pictures import is_showable, og_image_url, search_image_urls
from images.renditions import OG_SIZE

DESCRIPTION_LENGTH = 160

# An article's language (``Article.language``) as Open Graph writes it; the
# region is the one French readers expect of each language.
LOCALES = {
    "fr": "fr_FR",
    "en": "en_GB",
    "es": "es_ES",
    "de": "de_DE",
    "it": "it_IT",
    "pt": "pt_PT",
}
SITE_LANGUAGE = "fr"


def og_locale(language):
    """``fr_FR``, ``en_GB``… for ``og:locale``."""
    return LOCALES.get(language, LOCALES[SITE_LANGUAGE])


def in_language(language):
    """``fr-FR``, ``en-GB``… (BCP 47) for JSON-LD ``inLanguage``."""
    return og_locale(language).replace("_", "-")


@dataclass(frozen=True)
class ShareImage:
    """The picture a social network shows with a link, as ``og:image`` gives it."""

    url: str
    width: int | None = None
    height: int | None = None
    alt: str = ""


@dataclass
class PageMeta:
    """A page's <title>, description, canonical URL and social card."""

    title: str
    description: str = ""
    # What social networks show as the title; the page's title when blank.
    social_title: str = ""
    path: str = "/"
    type: str = "website"
    # The page's own picture; pages without one are shared with the site's.
    image: ShareImage | None = None
    noindex: bool = False
    language: str = SITE_LANGUAGE
    extra: dict = field(default_factory=dict)

    @property
    def canonical_url(self):
        return absolute(self.path)

    @property
    def share_image(self):
        return self.image or site_share_image()

    @property
    def share_title(self):
        return self.social_title or self.title

    @property
    def locale(self):
        return og_locale(self.language)

    @cached_property
    def short_description(self):
        return Truncator(" ".join(self.description.split())).chars(DESCRIPTION_LENGTH)


def article_texts(article):
    """An article page's title, social title and description: the texts the
    newsroom wrote for search engines and social networks, else its title
    and chapô. From the article's row, already loaded: no query."""
    return {
        "title": article.seo_title or article.title,
        "social_title": article.social_title or article.title,
        "description": article.seo_description or article.standfirst,
    }


def absolute(path):
    """``path`` on the public site (SITE_URL), for canonical links, feeds and
    JSON-LD, percent-encoded as links are (``/mots-cles/%C3%A9nergie/``, not
    the raw « é » a request's path holds): one form of each address everywhere."""
    if not path.startswith(("http://", "https://")):
        path = settings.SITE_URL + path
    return iri_to_uri(path)


def article_image_url(article):
    """The absolute URL of an article's main image (its 1200x630 crop from
    the photo library), or "" when it has none.

    The one place that knows where an article's picture lives, for Open Graph,
    JSON-LD and feeds (the page itself uses includes/hero.html).
    """
    return og_image_url(article.hero_image) if article.hero_image_id else ""


def article_share_image(article):
    """The article's Open Graph picture (1200x630 crop, its alternative
    text), or None when it has none to show."""
    if not article.hero_image_id or not is_showable(article.hero_image):
        return None
    image = article.hero_image
    return ShareImage(og_image_url(image), *OG_SIZE, alt=image.alt)


@functools.cache
def site_share_image():
    """The site's own picture (``SITE_SHARE_IMAGE``, a static file), for
    pages that have none: its size read once from the file."""
    name = settings.SITE_SHARE_IMAGE
    width = height = None
    if found := finders.find(name):
        try:
            with PILImage.open(found) as img:
                width, height = img.size
        except (OSError, UnidentifiedImageError):
            pass
    return ShareImage(absolute(cached_static(name)), width, height, settings.SITE_NAME)


def publisher():
    return {
        "@type": "NewsMediaOrganization",
        "name": settings.SITE_NAME,
        "url": absolute("/"),
        "logo": {
            "@type": "ImageObject",
            "url": absolute(cached_static("img/logo.png")),
            "width": 600,
            "height": 60,
        },
    }


def website():
    """``WebSite`` with a ``SearchAction``: the home page's search box for engines."""
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": settings.SITE_NAME,
        "url": absolute("/"),
        "inLanguage": in_language(SITE_LANGUAGE),
        "publisher": publisher(),
        "potentialAction": {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": absolute(reverse("website:search"))
                + "?q={search_term_string}",
            },
            "query-input": "required name=search_term_string",
        },
    }


def profile_page(author):
    """``ProfilePage`` of an author's page: the ``Person`` behind the byline."""
    person = {
        "@type": "Person",
        "name": author.name,
        "url": absolute(author.get_absolute_url()),
    }
    if author.role:
        person["jobTitle"] = author.role
    if author.bio:
        person["description"] = author.bio
    if author.photo:
        person["image"] = absolute(author.photo.url)
    return {
        "@context": "https://schema.org",
        "@type": "ProfilePage",
        "url": absolute(author.get_absolute_url()),
        "inLanguage": in_language(SITE_LANGUAGE),
        "mainEntity": person,
    }


def breadcrumbs(crumbs):
    """``BreadcrumbList`` from (name, path) pairs, home first."""
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": name,
                "item": absolute(path),
            }
            for position, (name, path) in enumerate(crumbs, start=1)
        ],
    }


def news_article(article, *, authors, tags, corrections):
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        # The headline readers see (Google compares them); the description
        # is the one written for search engines, if any.
        "headline": Truncator(article.title).chars(110),
        "description": article.seo_description or article.standfirst,
        "url": absolute(article.get_absolute_url()),
        "mainEntityOfPage": absolute(article.get_absolute_url()),
        "datePublished": iso_datetime(article.publish_at),
        "dateModified": iso_datetime(
            article.updated_at if article.was_updated else article.publish_at
        ),
        "inLanguage": in_language(article.language),
        "articleSection": article.section.name,
        "keywords": [tag.name for tag in tags],
        "wordCount": article.word_count,
        "author": [
            {
                "@type": "Person",
                "name": author.name,
                "url": absolute(author.get_absolute_url()),
                **({"jobTitle": author.role} if author.role else {}),
            }
            for author in authors
        ]
        or [{"@type": "Organization", "name": settings.SITE_NAME}],
        "publisher": publisher(),
        "isAccessibleForFree": True,
    }
    if article.hero_image_id and (images := search_image_urls(article.hero_image)):
        data["image"] = images
    if corrections:
        data["correction"] = [
            {
                "@type": "CorrectionComment",
                "text": correction.text,
                "datePublished": iso_datetime(correction.created_at),
            }
            for correction in corrections
        ]
    return data
