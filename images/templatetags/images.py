from django import template

from images import pictures
from images.body import render_body

register = template.Library()


@register.inclusion_tag("images/picture.html")
def picture(image, sizes="100vw", hero=False, lazy=None, alt=None):
    """``{% picture image sizes="…" hero=True %}``: a responsive ``<picture>``
    (AVIF, WebP, JPEG fallback). ``hero`` asks for it first
    (``fetchpriority="high"``); other images load lazily unless ``lazy=False``."""
    return pictures.picture_context(image, sizes=sizes, hero=hero, lazy=lazy, alt=alt)


@register.inclusion_tag("images/figure.html")
def figure(image, caption=None, sizes="100vw", hero=False, lazy=None):
    """The picture in a ``<figure>`` with its caption (``caption`` overrides
    the library's) and credit."""
    context = pictures.picture_context(image, sizes=sizes, hero=hero, lazy=lazy)
    context["image"] = image
    context["caption"] = caption or (image.caption if image else "")
    return context


@register.simple_tag
def og_image_url(image):
    """``{% og_image_url article.hero_image %}``: absolute 1200x630 crop URL."""
    return pictures.og_image_url(image)


@register.simple_tag
def article_body(article):
    """``{% article_body article %}``: the body with its library images."""
    return render_body(article.body)
