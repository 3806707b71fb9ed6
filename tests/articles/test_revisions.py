"""The revision diff, called directly on two snapshots."""

import pytest

from articles.models import Revision, Section
from articles.revisions import field_lines, revision_diff


def revision(number, **data):
    base = {"title": "제목", "subtitle": "", "summary": "", "body": "<p>첫 문단</p>", "photo": ""}
    return Revision(number=number, data={**base, **data})


def test_identical_revisions_have_no_differences():
    assert revision_diff(revision(1), revision(2)) == []


def test_only_changed_fields_are_shown_under_their_korean_label_in_order():
    tables = revision_diff(revision(1), revision(2, title="새 제목", body="<p>첫 문단</p><p>둘째</p>"))
    assert [label for label, _ in tables] == ["제목", "본문"]
    title_table = tables[0][1]
    assert "1판" in title_table and "2판" in title_table and "새&nbsp;제목" in title_table


def test_the_diff_escapes_what_reporters_typed():
    tables = dict(revision_diff(revision(1), revision(2, title="<script>x</script>")))
    assert "<script>" not in tables["제목"] and "&lt;script&gt;" in tables["제목"]


def test_body_lines_are_the_text_of_its_paragraphs_without_tags():
    body = "<p>첫 <b>문단</b></p><h2>소제목</h2><ul><li>하나</li></ul>줄<br>바꿈<p></p>"
    assert field_lines("body", body) == ["첫 문단", "소제목", "하나", "줄", "바꿈"]
    assert field_lines("body", None) == []


def test_plain_fields_compare_line_by_line_and_empty_is_one_blank_line():
    assert field_lines("summary", "한 줄\n두 줄") == ["한 줄", "두 줄"]
    assert field_lines("subtitle", "") == [""]


@pytest.mark.django_db
def test_a_section_is_compared_by_its_menu_name():
    paju = Section.objects.get(slug="paju")
    assert field_lines("section_id", paju.pk) == [str(paju)]
    assert field_lines("section_id", 999_999) == ["-"]
