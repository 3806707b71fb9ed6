"""`python manage.py seed_demo`: demo content from every app, safe to run again.

Each app that has something to show keeps its demo data in `<app>/demo.py` with
`seed(out)`, and optionally `logins()` for lines printed at the end; this command
runs them in INSTALLED_APPS order, so a feature app brings its own demo content
and the core knows nothing about it.
"""

from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import module_has_submodule


def demo_modules():
    for app_config in apps.get_app_configs():
        if module_has_submodule(app_config.module, "demo"):
            yield import_module(f"{app_config.name}.demo")


class Command(BaseCommand):
    help = "데모 콘텐츠를 만듭니다. 여러 번 실행해도 같은 내용이 두 번 생기지 않습니다."

    def handle(self, *args, **options):
        modules = list(demo_modules())
        with transaction.atomic():
            for module in modules:
                module.seed(self.stdout)
        for module in modules:
            for line in getattr(module, "logins", list)():
                self.stdout.write(line)
