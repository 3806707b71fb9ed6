"""What changed between two saved revisions of an article (or a revision and the article as it is now).

The body is compared as readers read it: its HTML becomes paragraphs of text, compared paragraph by
paragraph with the changed words marked, and its images and links are listed apart (added, removed,
changed, with a thumbnail or the address), since a changed link or photo leaves the text as it was.
Section, lead photo, tags and bylines are listed the same way. Everything shown is escaped here:
format_html for markup, never a reporter's text as HTML.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser
from itertools import zip_longest
from typing import Any
from urllib.parse import urlsplit

from django.core.files.storage import default_storage
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from .models import Article, Revision, Section

TEXT_LABELS = {
    "title": "제목",
    "subtitle": "부제목",
    "summary": "요약",
}
PHOTO_TEXT_LABELS = {
    "photo_alt": "사진 대체 텍스트",
    "photo_caption": "사진 설명",
    "photo_credit": "사진 출처",
}
_BLOCKS = {"p", "h2", "h3", "h4", "li", "blockquote", "figcaption", "caption", "tr", "td", "th"}
_WORDS = re.compile(r"\s+|[^\s]+")


@dataclass(frozen=True)
class Image:
    src: str
    alt: str
    caption: str


@dataclass(frozen=True)
class Link:
    href: str
    text: str


class _BodyReader(HTMLParser):
    """The paragraphs of text, the images (with their figure's caption) and the links of a body."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.images: list[dict[str, str]] = []
        self.links: list[dict[str, str]] = []
        self._text: list[str] = []
        self._link: dict[str, str] | None = None
        self._figure_images: list[dict[str, str]] | None = None
        self._caption: list[str] | None = None

    def _end_paragraph(self) -> None:
        text = " ".join("".join(self._text).split())
        if text:
            self.paragraphs.append(text)
        self._text = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag in _BLOCKS or tag == "br":
            self._end_paragraph()
        if tag == "figure":
            self._figure_images = []
        elif tag == "figcaption":
            self._caption = []
        elif tag == "img":
            image = {"src": values.get("src", ""), "alt": values.get("alt", ""), "caption": ""}
            self.images.append(image)
            if self._figure_images is not None:
                self._figure_images.append(image)
        elif tag == "a":
            self._link = {"href": values.get("href", ""), "text": ""}
            self.links.append(self._link)

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCKS:
            self._end_paragraph()
        if tag == "figcaption" and self._caption is not None:
            caption = " ".join("".join(self._caption).split())
            for image in self._figure_images or []:
                image["caption"] = caption
            self._caption = None
        elif tag == "figure":
            self._figure_images = None
        elif tag == "a":
            self._link = None

    def handle_data(self, data: str) -> None:
        self._text.append(data)
        if self._caption is not None:
            self._caption.append(data)
        if self._link is not None:
            self._link["text"] += data


def read_body(html: str | None) -> tuple[list[str], list[Image], list[Link]]:
    """(paragraphs, images, links) of a body's HTML."""
    reader = _BodyReader()
    reader.feed(html or "")
    reader.close()
    reader._end_paragraph()  # noqa: SLF001 - text after the last block
    images = [Image(image["src"], image["alt"], image["caption"]) for image in reader.images]
    links = [Link(link["href"], " ".join(link["text"].split())) for link in reader.links]
    return reader.paragraphs, images, links


def field_lines(name: str, value: Any) -> list[str]:
    """A stored field as the lines a reader compares: body paragraphs as text, a section by its name."""
    if name == "body":
        return read_body(value)[0]
    if name == "section_id":
        section = Section.objects.select_related("group").filter(pk=value).first()
        return [str(section) if section else "-"]
    return (str(value) if value else "").splitlines() or [""]


# words


def _marked(tokens: Iterable[str], tag: str) -> SafeString:
    text = "".join(tokens)
    if not text.strip():
        return format_html("{}", text)
    return format_html("<{}>{}</{}>", tag, text, tag)


def word_diff(before: str, after: str) -> tuple[SafeString, SafeString]:
    """Both texts, escaped, with the words taken out marked <del> and the words put in marked <ins>."""
    old, new = _WORDS.findall(before), _WORDS.findall(after)
    left: list[SafeString] = []
    right: list[SafeString] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op == "equal":
            left.append(format_html("{}", "".join(old[i1:i2])))
            right.append(format_html("{}", "".join(new[j1:j2])))
            continue
        if i2 > i1:
            left.append(_marked(old[i1:i2], "del"))
        if j2 > j1:
            right.append(_marked(new[j1:j2], "ins"))
    return mark_safe("".join(left)), mark_safe("".join(right))  # noqa: S308 - joined format_html parts


def _table(rows: Iterable[tuple[Any, Any]], before: str, after: str, css: str = "") -> SafeString:
    return format_html(
        '<table class="revdiff__table{}"><thead><tr><th scope="col">{}</th><th scope="col">{}</th></tr></thead>'
        "<tbody>{}</tbody></table>",
        css,
        before,
        after,
        format_html_join("", "<tr>{}</tr>", ((_row(left, right),) for left, right in rows)),
    )


def _row(left: Any, right: Any) -> SafeString:
    if right is _SPAN:
        return format_html('<td colspan="2" class="revdiff__same">{}</td>', left)
    return format_html(
        '<td class="{}">{}</td><td class="{}">{}</td>',
        "revdiff__old" if left != "" else "revdiff__none",
        left,
        "revdiff__new" if right != "" else "revdiff__none",
        right,
    )


_SPAN = object()


def text_table(before: str, after: str, old_name: str, new_name: str) -> SafeString:
    left, right = word_diff(before or "", after or "")
    return _table([(left or "(비어 있음)", right or "(비어 있음)")], old_name, new_name)


def paragraph_table(before: list[str], after: list[str], old_name: str, new_name: str) -> SafeString | None:
    """Changed paragraphs side by side (words marked), runs of unchanged ones folded into one line."""
    rows: list[tuple[Any, Any]] = []
    opcodes = difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes()
    if all(op == "equal" for op, *_ in opcodes):
        return None
    for op, i1, i2, j1, j2 in opcodes:
        if op == "equal":
            rows.append((f"같은 문단 {i2 - i1}개", _SPAN))
            continue
        for old, new in zip_longest(before[i1:i2], after[j1:j2]):
            if old is not None and new is not None:
                rows.append(word_diff(old, new))
            elif old is not None:
                rows.append((format_html("<del>{}</del>", old), ""))
            else:
                rows.append(("", format_html("<ins>{}</ins>", new)))
    return _table(rows, old_name, new_name, " revdiff__table--body")


# images, links, lists


def _thumb(src: str) -> SafeString:
    parts = urlsplit(src)
    if parts.scheme not in ("", "http", "https") or src.startswith("//") or not src:
        return mark_safe("")  # noqa: S308 constant
    return format_html('<img class="revdiff__thumb" src="{}" alt="" width="120" loading="lazy">', src)


def _image_cell(image: Image) -> SafeString:
    return format_html(
        '{}<span class="revdiff__detail">대체 텍스트: {}{}<br><span class="revdiff__url">{}</span></span>',
        _thumb(image.src),
        image.alt or "(없음)",
        format_html("<br>사진 설명: {}", image.caption) if image.caption else "",
        image.src,
    )


def _change_list(items: list[tuple[str, SafeString | str, SafeString | str]]) -> SafeString:
    """Rows of (what happened, before, after) as a table."""
    return format_html(
        '<table class="revdiff__table revdiff__table--items"><thead><tr><th scope="col">변경</th>'
        '<th scope="col">앞</th><th scope="col">뒤</th></tr></thead><tbody>{}</tbody></table>',
        format_html_join(
            "",
            '<tr><th scope="row" class="revdiff__kind revdiff__kind--{}">{}</th><td>{}</td><td>{}</td></tr>',
            ((KIND_CLASSES[kind], kind, before, after) for kind, before, after in items),
        ),
    )


KIND_CLASSES = {"추가": "added", "삭제": "removed", "변경": "changed"}


def _pair_changes(old: list[Any], new: list[Any], same_place: Any, same_thing: Any) -> list[tuple[str, Any, Any]]:
    """Added, removed and changed items between two lists.

    An item present on both sides (`same_thing` equal) is unchanged; a removed and an added item that
    share `same_place` (the same address, or the same words) are one changed item.
    """
    old_keys = [same_thing(item) for item in old]
    new_keys = [same_thing(item) for item in new]
    removed = [item for item in old if same_thing(item) not in new_keys]
    added = [item for item in new if same_thing(item) not in old_keys]
    changes: list[tuple[str, Any, Any]] = []
    for item in removed:
        partner = next((other for other in added if any(same_place(item, other))), None)
        if partner is not None:
            added.remove(partner)
            changes.append(("변경", item, partner))
        else:
            changes.append(("삭제", item, None))
    changes += [("추가", None, item) for item in added]
    return changes


def image_changes(old: list[Image], new: list[Image]) -> SafeString | None:
    changes = _pair_changes(
        old,
        new,
        lambda a, b: (a.src == b.src, bool(a.alt) and a.alt == b.alt, bool(a.caption) and a.caption == b.caption),
        lambda image: image,
    )
    if not changes:
        return None
    return _change_list(
        [
            (kind, _image_cell(before) if before else "", _image_cell(after) if after else "")
            for kind, before, after in changes
        ]
    )


def _link_cell(link: Link) -> SafeString:
    return format_html('{}<br><span class="revdiff__url">{}</span>', link.text or "(글자 없음)", link.href)


def link_changes(old: list[Link], new: list[Link]) -> SafeString | None:
    changes = _pair_changes(
        old, new, lambda a, b: (a.href == b.href, bool(a.text) and a.text == b.text), lambda link: link
    )
    if not changes:
        return None
    return _change_list(
        [
            (kind, _link_cell(before) if before else "", _link_cell(after) if after else "")
            for kind, before, after in changes
        ]
    )


def name_changes(old: list[str], new: list[str]) -> SafeString | None:
    removed = [name for name in old if name not in new]
    added = [name for name in new if name not in old]
    if not removed and not added:
        return None
    rows: list[tuple[str, SafeString | str, SafeString | str]] = [
        ("삭제", format_html("{}", name), "") for name in removed
    ]
    rows += [("추가", "", format_html("{}", name)) for name in added]
    return _change_list(rows)


def _photo_cell(name: str, article: Article | None) -> SafeString:
    if not name:
        return format_html("{}", "(사진 없음)")
    url = None
    if article is not None and article.photo.name == name:
        small = article.rendition("small")
        url = small[0] if small else None
    url = url or default_storage.url(name)
    return format_html('{}<br><span class="revdiff__url">{}</span>', _thumb(url), name.rsplit("/", 1)[-1])


def _section_name(pk: Any) -> str:
    return field_lines("section_id", pk)[0]


def _byline_labels(data: dict[str, Any]) -> list[str]:
    return [byline["label"] for byline in data.get("bylines", [])]


# the whole comparison


def compare(
    older: dict[str, Any], newer: dict[str, Any], old_name: str, new_name: str, article: Article | None = None
) -> list[tuple[str, SafeString]]:
    """(Korean label, HTML) for each part that differs, in the order of the form.

    Tags and bylines are compared only when both sides recorded them (revisions saved before they
    were kept have neither).
    """
    parts: list[tuple[str, SafeString | None]] = []
    for name, label in TEXT_LABELS.items():
        if older.get(name) != newer.get(name):
            parts.append((label, text_table(older.get(name) or "", newer.get(name) or "", old_name, new_name)))
    if older.get("body") != newer.get("body"):
        old_text, old_images, old_links = read_body(older.get("body"))
        new_text, new_images, new_links = read_body(newer.get("body"))
        parts.append(("본문", paragraph_table(old_text, new_text, old_name, new_name)))
        parts.append(("본문 사진", image_changes(old_images, new_images)))
        parts.append(("본문 링크", link_changes(old_links, new_links)))
    if older.get("section_id") != newer.get("section_id"):
        parts.append(
            (
                "섹션",
                text_table(
                    _section_name(older.get("section_id")), _section_name(newer.get("section_id")), old_name, new_name
                ),
            )
        )
    if (older.get("photo") or "") != (newer.get("photo") or ""):
        cells = (_photo_cell(older.get("photo") or "", article), _photo_cell(newer.get("photo") or "", article))
        parts.append(("대표 사진", _table([cells], old_name, new_name)))
    for name, label in PHOTO_TEXT_LABELS.items():
        if older.get(name) != newer.get(name):
            parts.append((label, text_table(older.get(name) or "", newer.get(name) or "", old_name, new_name)))
    if "tags" in older and "tags" in newer:
        parts.append(("태그", name_changes(older["tags"], newer["tags"])))
    if "bylines" in older and "bylines" in newer:
        parts.append(("함께 쓴 기자", name_changes(_byline_labels(older), _byline_labels(newer))))
    return [(label, html) for label, html in parts if html]


def revision_name(revision: Revision) -> str:
    return f"{revision.number}판" if revision.pk or revision.number else "현재 기사"


def revision_diff(older: Revision, newer: Revision, article: Article | None = None) -> list[tuple[str, SafeString]]:
    """compare() of two revisions, headed by their names (a revision numbered 0 is the article now)."""
    return compare(older.data, newer.data, revision_name(older), revision_name(newer), article)
