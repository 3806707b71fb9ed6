from django.apps import AppConfig


class GnuboardConfig(AppConfig):
    name = "gnuboard"
    verbose_name = "그누보드5에서 옮기기"
