"""데스크 moderates comments: the queue, hide/unhide, bans and the banned-word list."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

DESK_PERMISSIONS = [
    "view_comment", "change_comment",
    "view_reportedcomment", "change_reportedcomment",
    "view_commentreport",
    "view_commentban", "add_commentban", "change_commentban", "delete_commentban",
    "view_bannedword", "add_bannedword", "change_bannedword", "delete_bannedword",
]


def grant_desk(apps, schema_editor):
    # Permissions are normally created after all migrations; make sure ours exist now.
    app_config = apps.get_app_config("comments")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    desk, _ = Group.objects.get_or_create(name="데스크")
    desk.permissions.add(
        *Permission.objects.filter(content_type__app_label="comments", codename__in=DESK_PERMISSIONS)
    )


def revoke_desk(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for desk in Group.objects.filter(name="데스크"):
        desk.permissions.remove(
            *Permission.objects.filter(content_type__app_label="comments", codename__in=DESK_PERMISSIONS)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0001_initial"),
        ("articles", "0003_newsroom_roles"),
    ]

    operations = [migrations.RunPython(grant_desk, revoke_desk)]
