"""Plain text out of article HTML, and safe highlighting of search terms."""

import html
import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

# The PostgreSQL function in migrations/0001 applies the same two patterns, so
# both databases match the same text. Inline tags vanish (<b>파주</b>시 is one
# word, 파주시); every other tag separates words (</p><p>).
INLINE_TAG = r"</?(a|b|i|u|s|em|strong|span|mark|sub|sup|code|small)(\s[^>]*)?>"
ANY_TAG = r"<[^>]*>"
_INLINE_TAG = re.compile(INLINE_TAG, re.IGNORECASE)
_ANY_TAG = re.compile(ANY_TAG)
_SPACES = re.compile(r"\s+")


def html_to_text(value):
    """The words a reader sees in sanitised editor HTML: no tags, entities decoded, spaces collapsed."""
    text = _ANY_TAG.sub(" ", _INLINE_TAG.sub("", value or ""))
    return _SPACES.sub(" ", html.unescape(text)).strip()


def search_document(title, subtitle, summary, body):
    """What a search matches against: the same text the PostgreSQL function in our migration builds."""
    return " ".join([title or "", subtitle or "", summary or "", html_to_text(body)])


def _pattern(terms):
    ordered = sorted({term for term in terms if term}, key=len, reverse=True)
    return re.compile("|".join(re.escape(term) for term in ordered), re.IGNORECASE) if ordered else None


def highlight(text, terms):
    """Escape `text` first, then wrap each match of the terms in <mark>."""
    pattern = _pattern(terms)
    if pattern is None:
        return escape(text)
    pieces, last = [], 0
    for match in pattern.finditer(text):
        pieces.append(escape(text[last : match.start()]))
        pieces.append(f"<mark>{escape(match.group())}</mark>")
        last = match.end()
    pieces.append(escape(text[last:]))
    return mark_safe("".join(pieces))  # noqa: S308 every piece above is escaped


def excerpt(text, terms, width=160):
    """A window of `text` around the first matching term, with … where it was cut."""
    pattern = _pattern(terms)
    match = pattern.search(text) if pattern else None
    start = max(0, match.start() - width // 3) if match else 0
    end = min(len(text), start + width)
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")
