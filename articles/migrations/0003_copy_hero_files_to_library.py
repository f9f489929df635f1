import logging

from django.db import migrations

logger = logging.getLogger(__name__)


def _dimensions(field_file):
    from PIL import Image as PILImage

    try:
        with field_file.open("rb") as fh, PILImage.open(fh) as img:
            return img.size
    except Exception:  # a missing or unreadable file must not stop the migration
        logger.warning("Hero image %s unreadable; kept with no size.", field_file.name)
        return (0, 0)


def _size(field_file):
    try:
        return field_file.size
    except Exception:
        return 0


def copy_to_library(apps, schema_editor):
    """One library image per distinct hero file, with the article's alt text,
    credit and caption; the file itself stays where it is."""
    Article = apps.get_model("articles", "Article")
    Image = apps.get_model("images", "Image")
    by_name = {}
    articles = Article.objects.exclude(hero_file="").exclude(hero_file__isnull=True)
    for article in articles.order_by("pk").iterator():
        name = article.hero_file.name
        image = by_name.get(name)
        if image is None:
            width, height = _dimensions(article.hero_file)
            image = Image.objects.create(
                file=name,
                title=(article.hero_caption or article.title)[:200],
                alt=article.hero_alt,
                caption=article.hero_caption,
                credit=article.hero_credit,
                licence="other",
                width=width,
                height=height,
                file_size=_size(article.hero_file),
                uploaded_by_id=article.created_by_id,
            )
            by_name[name] = image
        article.hero_image = image
        article.save(update_fields=["hero_image"])


def copy_back(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    for article in Article.objects.filter(hero_image__isnull=False).select_related(
        "hero_image"
    ):
        article.hero_file = article.hero_image.file.name
        article.hero_alt = article.hero_image.alt
        article.hero_credit = article.hero_image.credit
        article.save(update_fields=["hero_file", "hero_alt", "hero_credit"])


class Migration(migrations.Migration):
    """Step 2 of 3: existing hero files become library images."""

    dependencies = [("articles", "0002_hero_image_from_library")]

    operations = [migrations.RunPython(copy_to_library, copy_back)]
