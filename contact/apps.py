from django.apps import AppConfig


class ContactConfig(AppConfig):
    name = "contact"
    verbose_name = "제보·광고 문의"
