"""데스크 members see 방문자 통계 (the statistics page checks the view permission)."""

from django.db import migrations

from articles.roles import grant_permissions


def grant(apps, schema_editor):
    grant_permissions(apps, "데스크", "visitors", ["view_dailyvisits"])


class Migration(migrations.Migration):
    dependencies = [
        ("visitors", "0001_initial"),
        ("articles", "0005_newsroom_workflow_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
