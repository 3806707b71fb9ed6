"""lib.json_rows.JSONRows: a short list of rows as one column of the outer query."""

import pytest
from django.db import connection
from django.db.models import OuterRef
from django.db.models.functions import JSONObject
from django.test.utils import CaptureQueriesContext

from articles.models import Article, Tag
from lib.json_rows import JSONRows

pytestmark = pytest.mark.django_db


def test_each_row_carries_its_list_and_an_empty_list_is_empty(make_article):
    tagged, plain = make_article(title="태그 붙은 기사"), make_article(title="태그 없는 기사")
    tagged.tags.add(Tag.objects.create(name="운정"), Tag.objects.create(name="교하 도서관"))
    tags = Tag.objects.filter(articles=OuterRef("pk")).values(item=JSONObject(name="name", slug="slug"))
    assert connection.features.supports_json_field  # (SQLite asks itself once per process)
    with CaptureQueriesContext(connection) as queries:
        rows = {article.pk: article.tag_rows for article in Article.objects.annotate(tag_rows=JSONRows(tags))}
    assert len(queries) == 1
    assert sorted(rows[tagged.pk], key=lambda row: row["name"]) == [
        {"name": "교하 도서관", "slug": "교하-도서관"},
        {"name": "운정", "slug": "운정"},
    ]
    assert rows[plain.pk] == []
