"""Give the newsroom roles the new desk tools: 기자 adds bylines and tags, 데스크 runs the front page."""

from django.db import migrations

from articles.roles import grant_permissions


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
    for role, codenames in ROLES.items():
        grant_permissions(apps, role, "articles", [codename for _app, codename in codenames])


class Migration(migrations.Migration):
    dependencies = [("articles", "0004_newsroom_workflow")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
