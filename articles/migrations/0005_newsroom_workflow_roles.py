"""Give the newsroom roles the new desk tools: 기자 adds bylines and tags, 데스크 runs the front page."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def perms(model, *actions):
    return [("articles", f"{action}_{model}") for action in actions]


ROLES = {
    "기자": [
        *perms("byline", "view", "add", "change", "delete"),
        *perms("tag", "view", "add"),
        *perms("correction", "view"),
        *perms("revision", "view"),
        *perms("reviewstep", "view"),
    ],
    "데스크": [
        *perms("byline", "view", "add", "change", "delete"),
        *perms("tag", "view", "add", "change", "delete"),
        *perms("correction", "view", "add", "change", "delete"),
        *perms("revision", "view"),
        *perms("reviewstep", "view"),
        *perms("frontpagepin", "view", "add", "change", "delete"),
        *perms("breakingnews", "view", "add", "change", "delete"),
        *perms("reporterprofile", "view", "add", "change", "delete"),
    ],
}


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; make sure the new ones exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, codenames in ROLES.items():
        group, _ = Group.objects.get_or_create(name=role)
        for app_label, codename in codenames:
            group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))


class Migration(migrations.Migration):
    dependencies = [("articles", "0004_newsroom_workflow")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
