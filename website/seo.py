"""What search engines and social networks read: page metadata and JSON-LD."""

from dataclasses import dataclass, field
from functools import cached_property

from django.conf import settings
from django.urls import reverse
from django.utils.text import Truncator

from core.formats import iso_datetime
from core.links import cached_static
from images.pictures import og_image_url

DESCRIPTION_LENGTH = 160


@dataclass
class PageMeta:
    """A page's <title>, description, canonical URL and social card."""

    title: str
    description: str = ""
    path: str = "/"
    type: str = "website"
    image: str = ""
    noindex: bool = False
    extra: dict = field(default_factory=dict)

    @property
    def canonical_url(self):
        return absolute(self.path)

    @cached_property
    def short_description(self):
        return Truncator(" ".join(self.description.split())).chars(DESCRIPTION_LENGTH)


def absolute(path):
    """``path`` on the public site (SITE_URL), for canonical links, feeds and JSON-LD."""
    if path.startswith(("http://", "https://")):
        return path
    return settings.SITE_URL + path


def article_image_url(article):
    """The absolute URL of an article's main image (its 1200x630 crop from
    the photo library), or "" when it has none.

    The one place that knows where an article's picture lives, for Open Graph,
    JSON-LD and feeds (the page itself uses includes/hero.html).
    """
    return og_image_url(article.hero_image) if article.hero_image_id else ""


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
        "inLanguage": "fr-FR",
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
        "headline": Truncator(article.title).chars(110),
        "description": article.standfirst,
        "url": absolute(article.get_absolute_url()),
        "mainEntityOfPage": absolute(article.get_absolute_url()),
        "datePublished": iso_datetime(article.publish_at),
        "dateModified": iso_datetime(
            article.updated_at if article.was_updated else article.publish_at
        ),
        "inLanguage": "fr-FR",
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
    if image := article_image_url(article):
        data["image"] = [image]
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
