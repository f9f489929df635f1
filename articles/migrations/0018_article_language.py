from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0017_article_format"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="language",
            field=models.CharField(
                choices=[
                    ("fr", "Français"),
                    ("en", "Anglais"),
                    ("es", "Espagnol"),
                    ("de", "Allemand"),
                    ("it", "Italien"),
                    ("pt", "Portugais"),
                ],
                default="fr",
                help_text="La langue du texte : navigateurs, lecteurs d’écran et moteurs de recherche la lisent.",
                max_length=8,
                verbose_name="langue",
            ),
        ),
    ]
