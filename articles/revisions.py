"""Side-by-side differences between two saved revisions of an article."""

from __future__ import annotations

import difflib
import re
from typing import Any

from django.utils.html import strip_tags

from .models import Revision, Section

REVISION_LABELS = {
    "title": "제목",
    "subtitle": "부제목",
    "summary": "요약",
    "body": "본문",
    "section_id": "섹션",
    "photo": "대표 사진 파일",
    "photo_alt": "사진 대체 텍스트",
    "photo_caption": "사진 설명",
    "photo_credit": "사진 출처",
}
_BLOCK_END = re.compile(r"</(?:p|h2|h3|h4|li|blockquote|figure|tr)>|<br\s*/?>", re.IGNORECASE)


def field_lines(name: str, value: Any) -> list[str]:
    """A stored field as the lines a reader compares: body paragraphs as text, a section by its name."""
    if name == "body":
        return [line for line in (strip_tags(part).strip() for part in _BLOCK_END.split(value or "")) if line]
    if name == "section_id":
        section = Section.objects.select_related("group").filter(pk=value).first()
        return [str(section) if section else "-"]
    return (str(value) if value else "").splitlines() or [""]


def revision_diff(older: Revision, newer: Revision) -> list[tuple[str, str]]:
    """(label, HTML table) for each field that differs; difflib escapes the text it shows."""
    tables = []
    differ = difflib.HtmlDiff(wrapcolumn=60)
    for name, label in REVISION_LABELS.items():
        before, after = older.data.get(name), newer.data.get(name)
        if before == after:
            continue
        table = differ.make_table(
            field_lines(name, before),
            field_lines(name, after),
            f"{older.number}판",
            f"{newer.number}판",
            context=name == "body",
        )
        tables.append((label, table))
    return tables
