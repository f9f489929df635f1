from django.db import migrations, models


class Migration(migrations.Migration):
    """Step 3 of 3: the alt text and credit now live on the library image;
    the article keeps only an optional caption of its own."""

    dependencies = [("articles", "0003_copy_hero_files_to_library")]

    operations = [
        migrations.RemoveField(model_name="article", name="hero_file"),
        migrations.RemoveField(model_name="article", name="hero_alt"),
        migrations.RemoveField(model_name="article", name="hero_credit"),
        migrations.AlterField(
            model_name="article",
            name="hero_caption",
            field=models.CharField(
                blank=True,
                help_text="Laissez vide pour reprendre la légende de la photothèque.",
                max_length=500,
                verbose_name="légende pour cet article",
            ),
        ),
    ]
