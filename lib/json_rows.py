"""`JSONRows`: the rows of a subquery as one JSON array, so a short list (an article's tags) comes with
its parent row instead of costing a query of its own."""

from typing import Any

from django.db.models import JSONField, QuerySet, Subquery
from django.db.models.sql.compiler import SQLCompiler

# The subquery's one column must be named `item`: `.values(item=JSONObject(...))`.
_SQLITE = "(SELECT COALESCE(JSON_GROUP_ARRAY(JSON(item)), '[]') FROM (%(subquery)s) AS json_rows)"
_POSTGRESQL = "(SELECT COALESCE(JSONB_AGG(item), '[]'::jsonb) FROM (%(subquery)s) AS json_rows)"


class JSONRows(Subquery):
    """`queryset.values(item=JSONObject(...))` as a list of dicts ([] when it has no rows), in one column
    of the outer query. Order is not promised: sort the list where the order matters."""

    def __init__(self, queryset: QuerySet[Any, Any]) -> None:
        super().__init__(queryset, output_field=JSONField())

    def as_sqlite(self, compiler: SQLCompiler, connection: Any, **extra: Any) -> tuple[str, Any]:
        return self.as_sql(compiler, connection, **{**extra, "template": _SQLITE})

    def as_postgresql(self, compiler: SQLCompiler, connection: Any, **extra: Any) -> tuple[str, Any]:
        return self.as_sql(compiler, connection, **{**extra, "template": _POSTGRESQL})
