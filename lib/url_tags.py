"""`{% url %}` and `{% static %}` as Django's, each answer remembered per process.

Every page prints the same few dozen addresses (header, menu, footer, stylesheets, icons): reverse()
walks the URL resolver and the manifest storage looks up and joins each file's name every time. Both are
template builtins (settings.TEMPLATES), so the project's templates use them without `{% load %}`
(a `{% load static %}` would bring back Django's own). `url` keeps reverse()'s answer per name,
positional arguments and current app (lib.urls.cached_reverse); keyword arguments, or arguments that
are not text or numbers, take Django's path unchanged. `static` keeps the storage's URL per path
until a test changes the static settings.
"""

from functools import lru_cache
from typing import Any

from django import template
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template import Context, defaulttags
from django.template.base import Parser, Token
from django.templatetags import static as django_static
from django.urls import NoReverseMatch
from django.utils.html import conditional_escape

from .urls import cached_reverse

register = template.Library()


class CachedURLNode(defaulttags.URLNode):
    def render(self, context: Context) -> str:
        args = [arg.resolve(context) for arg in self.args]
        if self.kwargs or not all(type(arg) in (str, int) for arg in args):
            return super().render(context)
        request = getattr(context, "request", None)
        current_app = getattr(request, "current_app", None)
        if current_app is None:
            current_app = getattr(getattr(request, "resolver_match", None), "namespace", None)
        url = ""
        try:
            url = cached_reverse(self.view_name.resolve(context), *args, current_app=current_app)
        except NoReverseMatch:
            if self.asvar is None:
                raise
        if self.asvar:
            context[self.asvar] = url
            return ""
        return conditional_escape(url) if context.autoescape else url


@register.tag
def url(parser: Parser, token: Token) -> CachedURLNode:
    node = defaulttags.url(parser, token)
    return CachedURLNode(node.view_name, node.args, node.kwargs, node.asvar)


@lru_cache(maxsize=2000)
def static_url(path: str) -> str:
    return django_static.StaticNode.handle_simple(path)


@receiver(setting_changed)
def _forget_static_urls(setting: str, **kwargs: Any) -> None:
    if setting in {"STATIC_URL", "STATIC_ROOT", "STORAGES", "INSTALLED_APPS", "DEBUG"}:
        static_url.cache_clear()


class CachedStaticNode(django_static.StaticNode):
    @classmethod
    def handle_simple(cls, path: str) -> str:
        return static_url(path)


register.tag("static", CachedStaticNode.handle_token)
