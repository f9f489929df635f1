import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """Step 1 of 3: the hero becomes a library image. The old file field is
    kept under another name until its files are copied to the library."""

    dependencies = [
        ("articles", "0001_initial"),
        ("images", "0001_image_library"),
    ]

    operations = [
        migrations.RenameField(
            model_name="article", old_name="hero_image", new_name="hero_file"
        ),
        migrations.AddField(
            model_name="article",
            name="hero_image",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="hero_of",
                to="images.image",
                verbose_name="image principale",
            ),
        ),
    ]
