from django.apps import AppConfig


class EpaperConfig(AppConfig):
    name = "epaper"
    verbose_name = "지면보기"
