from django import template

from images import pictures
from images.body import render_body

register = template.Library()


# ``{% picture image sizes="…" hero=True %}``, ``{% figure image caption="…" %}``:
# the reader pages' (Jinja2) templates, so both engines share one markup.
register.simple_tag(pictures.render_picture, name="picture")
register.simple_tag(pictures.render_figure, name="figure")


@register.simple_tag
def og_image_url(image):
    """``{% og_image_url article.hero_image %}``: absolute 1200x630 crop URL."""
    return pictures.og_image_url(image)


@register.simple_tag
def article_body(article):
    """``{% article_body article %}``: the body with its library images."""
    return render_body(article.body)
