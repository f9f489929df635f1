"""What templates need to show an image: ``<picture>`` sources and the
Open Graph URL. Reads prefetched renditions; never makes one."""

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from images.renditions import (
    FALLBACK_WIDTH,
    FORMATS,
    OG_SPEC,
    SEARCH_SPECS,
    SPECS,
    absolute_url,
    existing_renditions,
    picture_formats,
    rendition_url,
    size_for,
    widths_for,
)


def is_showable(image):
    return bool(image and image.width and not image.is_licence_expired())


def picture_context(image, *, sizes="100vw", hero=False, lazy=None, alt=None):
    """Context for ``images/picture.html``; ``picture`` is None when there is
    nothing to show (no image, or its licence has expired)."""
    if not is_showable(image):
        return {"picture": None}
    existing = existing_renditions(image)
    widths = widths_for(image)

    def srcset(fmt):
        return ", ".join(
            f"{rendition_url(image, spec, existing)} {size_for(image, spec)[0]}w"
            for spec in (SPECS[f"w{width}.{fmt.ext}"] for width in widths)
        )

    fallback = max([w for w in widths if w <= FALLBACK_WIDTH], default=widths[0])
    width, height = size_for(image, SPECS[f"w{widths[-1]}.jpg"])
    return {
        "picture": {
            "sources": [
                {"type": f.mime, "srcset": srcset(f)} for f in picture_formats()
            ],
            "src": rendition_url(image, SPECS[f"w{fallback}.jpg"], existing),
            "srcset": srcset(FORMATS["jpg"]),
            "width": width,
            "height": height,
        },
        "alt": image.alt if alt is None else alt,
        "sizes": sizes,
        "hero": hero,
        "lazy": (not hero) if lazy is None else lazy,
    }


def figure_context(image, *, caption=None, sizes="100vw", hero=False, lazy=None):
    """Context for ``images/figure.html``: the picture, its caption
    (``caption``, else the library's) and credit."""
    context = picture_context(image, sizes=sizes, hero=hero, lazy=lazy)
    context["image"] = image
    context["caption"] = caption or (image.caption if image else "")
    return context


def render_picture(image, sizes="100vw", hero=False, lazy=None, alt=None):
    """A responsive ``<picture>`` (AVIF, WebP, JPEG fallback). ``hero`` asks
    for it first (``fetchpriority="high"``); other images load lazily unless
    ``lazy=False``."""
    context = picture_context(image, sizes=sizes, hero=hero, lazy=lazy, alt=alt)
    return _render("images/picture.html", context)


def render_figure(image, caption=None, sizes="100vw", hero=False, lazy=None):
    """The picture in a ``<figure>`` with its caption and credit."""
    context = figure_context(image, caption=caption, sizes=sizes, hero=hero, lazy=lazy)
    return _render("images/figure.html", context)


def _render(template_name, context):
    # Safe: an auto-escaping template (Jinja2's, website/jinja2/images/)
    # escapes every value it inserts.
    return mark_safe(render_to_string(template_name, context))  # noqa: S308


def og_image_url(image):
    """Absolute URL of the 1200x630 Open Graph crop of ``image`` (around its
    focal point), or "" when there is nothing to show."""
    if not is_showable(image):
        return ""
    return absolute_url(rendition_url(image, OG_SPEC))


def search_image_urls(image):
    """Absolute URLs of Google's three crops of ``image`` (16:9, 4:3, 1:1,
    1,200 px wide, around its focal point), or [] when there is nothing to show.

    Each is the stored file's own URL once made: the upload's job makes every
    crop. An image uploaded before these sizes existed gets the URL that
    makes the crop on first use until ``manage.py generate_renditions`` has
    run: a reader's page never writes (no job is queued from a GET) and never
    decodes an original.
    """
    if not is_showable(image):
        return []
    existing = existing_renditions(image)
    return [absolute_url(rendition_url(image, spec, existing)) for spec in SEARCH_SPECS]


def stored_rendition(image, specs):
    """The first of ``specs`` already stored for ``image`` (a ``Rendition``
    whose file can be linked directly), or None."""
    if not is_showable(image):
        return None
    existing = existing_renditions(image)
    return next((existing[s.name] for s in specs if s.name in existing), None)
