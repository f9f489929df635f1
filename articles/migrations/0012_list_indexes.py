"""Indexes for list pages and the sitemap index at scale.

taggit's table has no index that starts with the tag and carries the article
id: a tag page's articles then cost a visit of the table per tagging. The
table is taggit's, so its index is created here in SQL.
"""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0011_search_planner_cost"),
        ("images", "0002_image_source_key"),
        (
            "taggit",
            "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx",
        ),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                condition=models.Q(("status__in", ["scheduled", "published"])),
                fields=["-publish_at", "unpublish_at"],
                name="article_live_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                condition=models.Q(("updated_at__isnull", False)),
                fields=["-updated_at"],
                name="article_updated_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="articleauthor",
            index=models.Index(
                fields=["author", "article"], name="byline_author_article_idx"
            ),
        ),
        migrations.RunSQL(
            "CREATE INDEX tagged_tag_object_idx"
            " ON taggit_taggeditem (tag_id, content_type_id, object_id)",
            "DROP INDEX tagged_tag_object_idx",
            elidable=False,
        ),
    ]
