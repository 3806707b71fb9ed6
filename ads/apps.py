from django.apps import AppConfig


class AdsConfig(AppConfig):
    name = "ads"
    verbose_name = "광고 배너"
