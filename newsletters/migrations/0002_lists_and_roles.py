"""The two lists the site needs from the start, and the roles' rights:
editors run the sends and pin articles; administrators also manage lists
and subscribers."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

LISTS = [
    {
        "slug": "la-matinale",
        "name": "La matinale",
        "kind": "digest",
        "rhythm": "Chaque jour à 7 h",
        "description": "L’essentiel de l’actualité, chaque matin.",
        "position": 0,
    },
    {
        "slug": "alerte-info",
        "name": "Alerte info",
        "kind": "alert",
        "rhythm": "Dès qu’un événement majeur survient",
        "description": "Les informations importantes, au moment où elles tombent.",
        "position": 1,
    },
]
EDITOR = [
    "view_newsletterlist",
    "view_send",
    "change_send",
    "view_pinnedarticle",
    "add_pinnedarticle",
    "change_pinnedarticle",
    "delete_pinnedarticle",
]


def create(apps, schema_editor):
    NewsletterList = apps.get_model("newsletters", "NewsletterList")
    for fields in LISTS:
        NewsletterList.objects.get_or_create(slug=fields["slug"], defaults=fields)
    app_config = apps.get_app_config("newsletters")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ours = Permission.objects.filter(content_type__app_label="newsletters")
    group, _ = Group.objects.get_or_create(name="Éditeur")
    group.permissions.add(*ours.filter(codename__in=EDITOR))
    group, _ = Group.objects.get_or_create(name="Administrateur")
    group.permissions.add(*ours)


class Migration(migrations.Migration):
    dependencies = [
        ("newsletters", "0001_initial"),
        ("articles", "0007_editorial_roles"),
    ]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
