"""The next article to go offline, for next_visibility_change(): a partial
index of the few articles with an end of publication."""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0015_drop_sitemap_count_indexes'),
        ('images', '0002_image_source_key'),
        ('taggit', '0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name='article',
            index=models.Index(condition=models.Q(('unpublish_at__isnull', False)), fields=['unpublish_at'], name='article_unpublish_idx'),
        ),
    ]
