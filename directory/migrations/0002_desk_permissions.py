"""데스크 (editors) manage this app's content in the admin."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

APP = "directory"
MODELS = ["listing","listingphoto"]


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; make sure ours exist now.
    app_config = apps.get_app_config(APP)
    app_config.models_module = True
    create_permissions(app_config, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    desk, _ = Group.objects.get_or_create(name="데스크")
    for model in MODELS:
        desk.permissions.add(
            *Permission.objects.filter(
                content_type__app_label=APP, codename__in=[f"{action}_{model}" for action in ("view", "add", "change", "delete")]
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0001_initial"),
        ("articles", "0003_newsroom_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
