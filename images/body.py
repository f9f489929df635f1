"""Library images inside an article body.

The editor stores a narrow, inert reference, ``<figure data-image-id="42">``
with an optional ``<figcaption>`` (the caption for this article); the
sanitiser keeps nothing else on a figure and only digits in the id. On output
each reference becomes the responsive ``<picture>`` of ``images/figure.html``.
"""

import html
import re

from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

from images.models import Image
from images.pictures import render_figure

IMAGE_ID_ATTRIBUTE = "data-image-id"
# The sanitiser's own serialisation (html5ever): attributes in double quotes.
_REFERENCE = re.compile(
    r'<figure data-image-id="([0-9]{1,12})">(?:<figcaption>(.*?)</figcaption>)?</figure>',
    re.DOTALL,
)

BODY_SIZES = "(min-width: 48rem) 46rem, 100vw"


def image_ids(body):
    """Ids of the library images ``body`` refers to, in order, without repeats."""
    return list(dict.fromkeys(int(m[1]) for m in _REFERENCE.finditer(body or "")))


def render_body(body, images=None):
    """``body`` (sanitised HTML) with each image reference rendered as a figure.

    Costs two queries (images, then their renditions) whatever the number of
    images, none when ``images`` (id -> Image with renditions) is given. A
    reference to a deleted image, or to one whose licence has expired, is left
    out.
    """
    if images is None:
        ids = image_ids(body)
        images = Image.objects.with_renditions().in_bulk(ids) if ids else {}

    def figure(match):
        image = images.get(int(match[1]))
        if image is None:
            return ""
        own_caption = html.unescape(strip_tags(match[2] or "")).strip()
        return render_figure(image, caption=own_caption, sizes=BODY_SIZES)

    # Safe: Article.body is sanitised on every save, and what replaces each
    # reference comes from an auto-escaping template.
    return mark_safe(_REFERENCE.sub(figure, body or ""))  # noqa: S308


def prose_editor_allowlist(config, shared_config):
    """Sanitiser rules for django-prose-editor's ``LibraryImage`` extension
    (used only where a field relies on the editor's own sanitiser)."""
    shared_config["tags"].update({"figure", "figcaption"})
    shared_config["attributes"].setdefault("figure", set()).add(IMAGE_ID_ATTRIBUTE)
