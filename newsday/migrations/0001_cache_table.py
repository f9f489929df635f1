"""The table of the embedded shared cache (``CACHE_URL`` unset: ``dbcache://``).

``migrate`` creates it, so a fresh install needs no extra command; with Redis
or any other backend, ``createcachetable`` has nothing to do.
"""

from django.core.management import call_command
from django.db import migrations


def create_cache_tables(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = []

    operations = [
        migrations.RunPython(create_cache_tables, migrations.RunPython.noop),
    ]
