"""데스크 (editors) manage this app's content in the admin."""

from django.db import migrations

from articles.roles import grant_permissions, model_permissions


def grant(apps, schema_editor):
    grant_permissions(apps, "데스크", "ads", model_permissions('banner'))


class Migration(migrations.Migration):
    dependencies = [
        ("ads", "0001_initial"),
        ("articles", "0003_newsroom_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
