"""데스크 moderates comments: the queue, hide/unhide, bans and the banned-word list."""

from django.db import migrations

from articles.roles import grant_permissions

DESK_PERMISSIONS = [
    "view_comment", "change_comment",
    "view_reportedcomment", "change_reportedcomment",
    "view_commentreport",
    "view_commentban", "add_commentban", "change_commentban", "delete_commentban",
    "view_bannedword", "add_bannedword", "change_bannedword", "delete_bannedword",
]


def grant_desk(apps, schema_editor):
    grant_permissions(apps, "데스크", "comments", DESK_PERMISSIONS)


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
