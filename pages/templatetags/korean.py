"""The `josa` filter, a built-in of every template (settings TEMPLATES builtins):
`‘{{ query }}’{{ query|josa:"이/가" }}` writes ‘청렴도’가, ‘시청’이 (lib.korean.josa)."""

from django import template

from lib.korean import josa as particle

register = template.Library()


@register.filter
def josa(word, pair):
    """The particle of `pair` ("이/가", "을/를", "은/는", "와/과", "(으)로") that fits after `word`."""
    return particle(str(word or ""), pair)
