"""An index on (Paris month of publish_at, last change) of live articles, which
the sitemap index steps down month by month (ArticleQuerySet.months()).

On PostgreSQL the month is DATE_TRUNC('month', publish_at AT TIME ZONE
'Europe/Paris'): both functions are IMMUTABLE for these argument types
(timestamptz AT TIME ZONE text gives a timestamp), as an index needs.

On SQLite the index is created too (indexes are declared per model, not per
database), though months() groups there instead. Its expression calls
django_datetime_trunc(), a function only Django's connection registers:
writes to live articles from the sqlite3 shell fail with « unknown function ».
"""

import django.db.models.functions.comparison
import django.db.models.functions.datetime
import zoneinfo
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0013_merge_search_title_list_indexes'),
        ('images', '0002_image_source_key'),
        ('taggit', '0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name='article',
            index=models.Index(django.db.models.functions.datetime.TruncMonth('publish_at', tzinfo=zoneinfo.ZoneInfo(key='Europe/Paris')), django.db.models.functions.comparison.Greatest('publish_at', django.db.models.functions.comparison.Coalesce('updated_at', 'publish_at')), condition=models.Q(('status__in', ['scheduled', 'published'])), name='article_month_idx'),
        ),
    ]
