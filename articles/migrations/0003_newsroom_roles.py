"""The newsroom roles: 기자 (reporter) writes and submits, 데스크 (editor) also publishes."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLES = {
    "기자": [
        ("articles", "view_article"), ("articles", "add_article"), ("articles", "change_article"),
        ("articles", "delete_article"), ("articles", "view_section"), ("articles", "view_group"),
    ],
    "데스크": [
        ("articles", "view_article"), ("articles", "add_article"), ("articles", "change_article"),
        ("articles", "delete_article"), ("articles", "publish_article"),
        ("articles", "view_section"), ("articles", "change_section"), ("articles", "add_section"),
        ("articles", "view_group"), ("articles", "change_group"),
    ],
}


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations; make sure ours exist now.
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
    dependencies = [
        ("articles", "0002_paper_sections"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
