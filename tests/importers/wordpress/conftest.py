"""What the WordPress importer's tests share: a folder of their own for
the images an import stores, and helpers they import from here."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from articles.models import Article
from importers.wordpress.content import convert_body
from importers.wordpress.tree import Node

# The site of tests/fixtures/wordpress/newsroom.xml.
SITE = "wordpress:www.gazette-rhone.fr"


@pytest.fixture(autouse=True)
def media_root(media_root):
    """An import may store images: each test in its own folder (see
    tests/conftest.py)."""
    return media_root


def article(post_id):
    """The article imported from post ``post_id`` of newsroom.xml."""
    return Article.objects.get(external_id=f"{SITE}:{post_id}")


def paris(*args):
    """A time as Paris clocks read it."""
    return timezone.make_aware(dt.datetime(*args), timezone.get_default_timezone())


class Item:
    """An attachment item as the reader gives it."""

    def __init__(self, post_id, url, *, alt="", **fields):
        self.post_id = post_id
        self.guid = ""
        self.meta = {"_wp_attachment_image_alt": alt}
        self.fields = {"wp:attachment_url": url} | fields

    def get(self, key):
        return self.fields.get(key, "")


def keep_images(attrs):
    """An image policy keeping every <img> named ``wp-image-<n>`` as image n."""
    found = re.search(r"wp-image-([0-9]+)", attrs.get("class", ""))
    return [Node("figure", {"data-image-id": found.group(1)})] if found else []


def with_images(html):
    """The body converted from ``html`` with the image policy above."""
    return convert_body(html, on_image=keep_images)
