from django.apps import AppConfig
from django.db.backends.signals import connection_created


def _register_sqlite_functions(sender, connection, **kwargs):
    """Give SQLite the `search_document()` SQL function that PostgreSQL gets from our migration.

    This is database wiring, like Django's own `django_*` SQLite functions,
    not domain logic: without it a search query cannot run on SQLite.
    """
    if connection.vendor == "sqlite":
        from .text import search_document

        connection.connection.create_function("search_document", 4, search_document, deterministic=True)


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "검색"

    def ready(self):
        connection_created.connect(_register_sqlite_functions, dispatch_uid="search.sqlite_functions")
