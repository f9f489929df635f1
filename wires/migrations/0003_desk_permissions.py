"""Journalists and editors see the « Dépêches » desk; administrators may
also delete items."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

DESK = ["view_wireitem", "view_wireversion", "view_wireuse"]
ROLES = {"Journaliste": DESK, "Éditeur": DESK}
ADMINISTRATOR = "Administrateur"


def grant(apps, schema_editor):
    app_config = apps.get_app_config("wires")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    assign_roles(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


def assign_roles(Group, Permission):
    """Give the roles their desk permissions (idempotent)."""
    wires = Permission.objects.filter(content_type__app_label="wires")
    for name, codenames in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*wires.filter(codename__in=codenames))
    group, _ = Group.objects.get_or_create(name=ADMINISTRATOR)
    group.permissions.add(*wires)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    wires = Permission.objects.filter(content_type__app_label="wires")
    for group in Group.objects.filter(name__in=[*ROLES, ADMINISTRATOR]):
        group.permissions.remove(*wires)


class Migration(migrations.Migration):
    dependencies = [
        ("wires", "0002_search_document"),
        ("articles", "0007_editorial_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
