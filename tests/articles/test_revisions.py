"""The revision diff, called directly on two snapshots: rendered text, images, links, tags, bylines."""

import pytest

from articles.models import Revision, Section
from articles.revisions import field_lines, read_body, revision_diff, word_diff


def revision(number, **data):
    base = {
        "title": "제목",
        "subtitle": "",
        "summary": "",
        "body": "<p>첫 문단</p>",
        "photo": "",
        "tags": ["시정"],
        "bylines": [],
    }
    return Revision(number=number, data={**base, **data})


def parts(older, newer):
    return {label: str(html) for label, html in revision_diff(older, newer)}


def test_identical_revisions_have_no_differences():
    assert revision_diff(revision(1), revision(2)) == []


def test_only_changed_parts_are_shown_under_their_korean_label_in_order():
    found = revision_diff(revision(1), revision(2, title="새 제목", body="<p>첫 문단</p><p>둘째</p>"))
    assert [label for label, _ in found] == ["제목", "본문"]
    title = str(found[0][1])
    assert "1판" in title and "2판" in title and "<ins>새 </ins>제목" in title


def test_changed_words_are_marked_inside_a_paragraph():
    left, right = word_diff("시는 밤 9시까지 연다", "시는 밤 10시까지 연다")
    assert str(left) == "시는 밤 <del>9시까지</del> 연다"
    assert str(right) == "시는 밤 <ins>10시까지</ins> 연다"


def test_the_diff_escapes_what_reporters_typed():
    found = parts(revision(1), revision(2, title="<script>x</script>", body='<p>"<b>굵게</b>" &lt;i&gt;</p>'))
    assert "<script>" not in found["제목"] and "&lt;script&gt;" in found["제목"]
    assert "<b>" not in found["본문"] and "&lt;i&gt;" in found["본문"]


def test_a_changed_link_shows_both_addresses_though_the_text_is_the_same():
    older = revision(1, body='<p>자세한 내용은 <a href="https://paju.go.kr/old">시청 공고</a>를 보라.</p>')
    newer = revision(2, body='<p>자세한 내용은 <a href="https://paju.go.kr/new">시청 공고</a>를 보라.</p>')
    found = parts(older, newer)
    assert list(found) == ["본문 링크"]  # the text readers read did not change
    links = found["본문 링크"]
    assert "변경" in links and "https://paju.go.kr/old" in links and "https://paju.go.kr/new" in links
    assert "No Differences" not in links


def test_added_and_removed_images_are_listed_with_thumbnails():
    kept = '<figure class="image"><img src="/media/editor/a-720.jpg" alt="호수공원"><figcaption>밤 풍경</figcaption></figure>'
    gone = '<figure class="image"><img src="/media/editor/b-720.jpg" alt="산책로"></figure>'
    new = '<img src="/media/editor/c-720.jpg" alt="관리 인력">'
    found = parts(revision(1, body=f"<p>글</p>{kept}{gone}"), revision(2, body=f"<p>글</p>{kept}{new}"))
    assert list(found) == ["본문 사진"]
    images = found["본문 사진"]
    assert images.count('class="revdiff__thumb"') == 2
    assert "삭제" in images and 'src="/media/editor/b-720.jpg"' in images and "산책로" in images
    assert "추가" in images and 'src="/media/editor/c-720.jpg"' in images and "관리 인력" in images
    assert "a-720.jpg" not in images  # unchanged


def test_a_changed_caption_is_a_changed_image():
    older = revision(
        1, body='<figure class="image"><img src="/m/a.jpg" alt="공원"><figcaption>낮</figcaption></figure>'
    )
    newer = revision(
        2, body='<figure class="image"><img src="/m/a.jpg" alt="공원"><figcaption>밤</figcaption></figure>'
    )
    found = parts(older, newer)
    assert (
        "변경" in found["본문 사진"] and "사진 설명: 낮" in found["본문 사진"] and "사진 설명: 밤" in found["본문 사진"]
    )


def test_a_thumbnail_is_only_made_of_a_web_address():
    found = parts(revision(1), revision(2, body='<p>첫 문단</p><img src="javascript:alert(1)" alt="x">'))
    assert "revdiff__thumb" not in found["본문 사진"]


def test_changed_tags_and_bylines_are_listed():
    older = revision(1, bylines=[{"reporter": 1, "role": "", "order": 0, "label": "김파주 기자"}])
    newer = revision(
        2,
        tags=["시정", "운정신도시"],
        bylines=[{"reporter": 2, "role": "사진", "order": 0, "label": "이운정 기자(사진)"}],
    )
    found = parts(older, newer)
    assert list(found) == ["태그", "함께 쓴 기자"]
    assert "추가" in found["태그"] and "운정신도시" in found["태그"] and "시정" not in found["태그"]
    assert "김파주 기자" in found["함께 쓴 기자"] and "이운정 기자(사진)" in found["함께 쓴 기자"]


def test_revisions_kept_before_tags_were_recorded_compare_no_tags():
    older = revision(1)
    del older.data["tags"]
    assert revision_diff(older, revision(2, tags=["새 태그"])) == []


def test_body_lines_are_the_text_of_its_paragraphs_without_tags():
    body = "<p>첫 <b>문단</b></p><h2>소제목</h2><ul><li>하나</li></ul>줄<br>바꿈<p></p>"
    assert field_lines("body", body) == ["첫 문단", "소제목", "하나", "줄", "바꿈"]
    assert field_lines("body", None) == []
    assert read_body('<p><a href="/x">가 나</a></p>')[2][0].text == "가 나"


def test_plain_fields_compare_line_by_line_and_empty_is_one_blank_line():
    assert field_lines("summary", "한 줄\n두 줄") == ["한 줄", "두 줄"]
    assert field_lines("subtitle", "") == [""]


@pytest.mark.django_db
def test_a_section_is_compared_by_its_menu_name():
    paju = Section.objects.get(slug="paju")
    assert field_lines("section_id", paju.pk) == [str(paju)]
    assert field_lines("section_id", 999_999) == ["-"]
    other = Section.objects.exclude(pk=paju.pk).first()
    found = parts(revision(1, section_id=paju.pk), revision(2, section_id=other.pk))
    assert str(paju.name) in found["섹션"] and str(other.name) in found["섹션"]
