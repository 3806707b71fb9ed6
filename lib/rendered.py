"""Small templates whose HTML depends on a few values only, made once per process for each set of them.

`render_once("includes/page_meta.html", meta=meta, site_name=name)` renders the template with exactly
those values as its context (no request, no context processors), so the same values give the same HTML:
it is kept in a bounded per-process memo and a page that shows it again (the footer's visitor figures,
unchanged for seconds; an article's meta tags, read by every reader) costs a dictionary lookup instead
of a render. The values must be hashable, or dicts of hashable values. With DEBUG on, templates are
rendered every time so that an edited template shows at once.
"""

from functools import lru_cache
from typing import Any

from django.conf import settings
from django.core.signals import setting_changed
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

MEMO_SIZE = 2048


class _Values:
    """The context of one render, compared and hashed by its values (dicts by their items)."""

    __slots__ = ("key", "values")

    def __init__(self, values: dict[str, Any]) -> None:
        self.values = values
        self.key = tuple(
            sorted(
                (name, frozenset(value.items()) if isinstance(value, dict) else value) for name, value in values.items()
            )
        )

    def __hash__(self) -> int:
        return hash(self.key)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Values) and self.key == other.key


@lru_cache(maxsize=MEMO_SIZE)
def _render(template_name: str, values: _Values) -> SafeString:
    return mark_safe(render_to_string(template_name, values.values))  # noqa: S308 our own template's output


def render_once(template_name: str, **values: Any) -> SafeString:
    """The HTML of `template_name` with `values` as its whole context, made once per process for them."""
    if settings.DEBUG:
        return mark_safe(render_to_string(template_name, values))  # noqa: S308 our own template's output
    return _render(template_name, _Values(values))


def _clear(**kwargs: Any) -> None:
    _render.cache_clear()


setting_changed.connect(_clear, dispatch_uid="lib.rendered:clear")
