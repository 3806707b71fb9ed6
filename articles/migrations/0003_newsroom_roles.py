"""The newsroom roles: 기자 (reporter) writes and submits, 데스크 (editor) also publishes."""

from django.db import migrations

from articles.roles import grant_permissions

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
    for role, codenames in ROLES.items():
        grant_permissions(apps, role, "articles", [codename for _app, codename in codenames])


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0002_paper_sections"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
