from django.db import migrations


class Migration(migrations.Migration):
    """Joins two migrations written at the same time (no operations)."""

    dependencies = [
        ("articles", "0012_list_indexes"),
        ("articles", "0012_search_title"),
    ]

    operations = []
