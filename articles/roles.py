"""The newsroom roles 기자 (reporter) and 데스크 (editor), for the data migrations that grant them
permissions. Each app's own migration grants the permissions on its models."""

from django.contrib.auth.management import create_permissions


def grant_permissions(apps, role, app_label, codenames):
    """Give a role permissions of one app, creating them first: Django otherwise makes
    permissions only after all migrations have run."""
    app_config = apps.get_app_config(app_label)
    app_config.models_module = True
    create_permissions(app_config, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=role)
    group.permissions.add(*Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames))


def model_permissions(*models, actions=("view", "add", "change", "delete")):
    return [f"{action}_{model}" for model in models for action in actions]
