"""The newsroom's roles as groups with their permissions.

The lists are frozen here on purpose: a later change of roles is a new
migration, not an edit of this one.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

JOURNALIST = [
    "articles.add_article",
    "articles.change_article",
    "articles.view_article",
    "articles.submit_article",
    "articles.add_articleauthor",
    "articles.change_articleauthor",
    "articles.delete_articleauthor",
    "articles.view_articleauthor",
    "articles.add_relatedlink",
    "articles.change_relatedlink",
    "articles.delete_relatedlink",
    "articles.view_relatedlink",
    "articles.view_author",
    "articles.view_section",
    "articles.view_correction",
    "images.view_image",
    "images.add_image",
]

EDITOR = JOURNALIST + [
    "articles.delete_article",
    "articles.send_back_article",
    "articles.schedule_article",
    "articles.publish_article",
    "articles.unpublish_article",
    "articles.change_any_article",
    "articles.correct_article",
    "articles.share_preview_article",
    "articles.view_calendar_article",
    "articles.add_correction",
    "articles.view_auditevent",
    "articles.view_revision",
    "articles.view_scheduledchange",
    "articles.view_previewlink",
    "articles.add_author",
    "articles.change_author",
    "articles.add_section",
    "articles.change_section",
    "articles.view_articleredirect",
    "articles.add_articleredirect",
    "articles.change_articleredirect",
    "articles.delete_articleredirect",
    "taggit.add_tag",
    "taggit.change_tag",
    "taggit.delete_tag",
    "taggit.view_tag",
    "images.change_image",
]

ROLES = {"Journaliste": JOURNALIST, "Éditeur": EDITOR}
ADMINISTRATOR = "Administrateur"


def assign_roles(Group, Permission):
    """Create the groups and give them their permissions (idempotent)."""

    def permissions(names):
        found = []
        for name in names:
            app_label, codename = name.split(".")
            found.append(
                Permission.objects.get(
                    content_type__app_label=app_label, codename=codename
                )
            )
        return found

    for name, perms in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions(perms))
    group, _ = Group.objects.get_or_create(name=ADMINISTRATOR)
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label__in=["articles", "images", "taggit", "auth", "admin"]
        )
    )


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations ran; make sure
    # they exist now so a fresh database gets complete groups.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    assign_roles(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


def remove_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=[*ROLES, ADMINISTRATOR]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0006_editorial_workflow"),
        ("images", "0002_image_source_key"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("admin", "0003_logentry_add_action_flag_choices"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
