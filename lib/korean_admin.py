"""Admin messages that read as natural Korean, for every model admin of the project.

Django's Korean admin messages put a fixed particle after a name it cannot know (`기사 "…개방"가`,
`선택된 기사 을/를 삭제합니다`). The project's admin site (KoreanAdminSite, the default site through
lib.admin_config) gives every ModelAdmin registered on it, the project's and third-party ones alike,
KoreanMessagesMixin: each message and the bulk delete action pick the particle with lib.korean.josa.
"""

import html
import re
from typing import Any

from django.contrib import admin
from django.template.response import TemplateResponse
from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe

from lib.korean import josa

# Particles as Django's Korean messages write them, and the pair each belongs to.
_PAIRS = {
    "이/가": "이/가",
    "이(가)": "이/가",
    "가": "이/가",
    "이": "이/가",
    "을/를": "을/를",
    "을(를)": "을/를",
    "를": "을/를",
    "을": "을/를",
    "은/는": "은/는",
    "은(는)": "은/는",
    "와/과": "와/과",
    "(으)로": "(으)로",
}
_PARTICLE = "|".join(re.escape(particle) for particle in sorted(_PAIRS, key=len, reverse=True))
# A quoted object (its text may hold a link: <a href="…">title</a>) followed by its particle.
_QUOTED = re.compile(rf'(?P<word>[^"“”]+)(?P<quote>["”])(?P<space> ?)(?P<particle>{_PARTICLE})(?=[\s.,!?]|$)')


_CHANGED = re.compile(r"(?P<word>[가-힣A-Za-z0-9]+)(?:이/가|가|이)(?= 변경되었습니다)")
# A run of text between two tags of a rendered page.
_TEXT = re.compile(r">([^<>]+)<")


def _word(text: str) -> str:
    return html.unescape(strip_tags(text))


def fix_particles(message: str, names: tuple[str, ...] = ()) -> str:
    """The message with each particle after a quoted object, or after one of `names` (the model's
    verbose names), chosen by the last syllable of that word: `기사 "…개방"가` → `기사 "…개방"이`."""

    def quoted(match: re.Match[str]) -> str:
        pair = _PAIRS[match["particle"]]
        return f"{match['word']}{match['quote']}{josa(_word(match['word']), pair)}"

    fixed = _QUOTED.sub(quoted, message)
    # The history's "{fields}가 변경되었습니다." names the last changed field: 본문이, 제목이.
    fixed = _CHANGED.sub(lambda match: match["word"] + josa(match["word"], "이/가"), fixed)
    if names:
        alternatives = "|".join(re.escape(name) for name in sorted(set(names), key=len, reverse=True) if name)
        named = re.compile(rf"(?<![\w\"”])(?P<word>{alternatives})(?P<space> ?)(?P<particle>{_PARTICLE})(?=[\s.,!?]|$)")
        fixed = named.sub(lambda match: match["word"] + josa(match["word"], _PAIRS[match["particle"]]), fixed)
    return fixed


class KoreanMessagesMixin:
    """message_user and the bulk delete action with particles that agree with the names they follow."""

    opts: Any

    def _names(self) -> tuple[str, ...]:
        return (str(self.opts.verbose_name), str(self.opts.verbose_name_plural))

    def message_user(self, request: Any, message: Any, *args: Any, **kwargs: Any) -> None:
        fixed = fix_particles(str(message), self._names())
        if isinstance(message, SafeString):
            fixed = mark_safe(fixed)  # noqa: S308 - only particles are changed in text that was safe
        super().message_user(request, fixed, *args, **kwargs)  # type: ignore[misc]

    def _fix_page(self, response: Any) -> Any:
        """Fix the particles of a rendered confirmation page (its text, never its markup)."""
        if isinstance(response, TemplateResponse):
            response.add_post_render_callback(self._fix_rendered)
        return response

    def _fix_rendered(self, response: Any) -> None:
        page = response.content.decode()
        start = max(page.find('id="content"'), 0)
        fixed = _TEXT.sub(lambda match: ">" + fix_particles(match[1], self._names()) + "<", page[start:])
        response.content = page[:start] + fixed

    def render_delete_form(self, request: Any, context: Any) -> Any:
        """정말로 기사 "…"을/를 삭제하시겠습니까? with the particle the title takes."""
        return self._fix_page(super().render_delete_form(request, context))  # type: ignore[misc]

    def history_view(self, request: Any, object_id: str, extra_context: Any = None) -> Any:
        """The history's change messages (본문이 변경되었습니다)."""
        return self._fix_page(super().history_view(request, object_id, extra_context))  # type: ignore[misc]

    def response_action(self, request: Any, queryset: Any) -> Any:
        """The bulk delete's confirmation page (선택한 섹션을 정말 삭제하시겠습니까?)."""
        return self._fix_page(super().response_action(request, queryset))  # type: ignore[misc]

    def get_actions(self, request: Any) -> dict[str, Any]:
        actions: dict[str, Any] = super().get_actions(request)  # type: ignore[misc]
        if "delete_selected" in actions:
            function, name, _description = actions["delete_selected"]
            plural = str(self.opts.verbose_name_plural)
            # The description is %-formatted with the model's names: keep a % in a name literal.
            description = f"선택한 {plural}{josa(plural, '을/를')} 삭제합니다".replace("%", "%%")
            actions["delete_selected"] = (function, name, description)
        return actions


class KoreanAdminSite(admin.AdminSite):
    """The default admin site: every model admin registered on it gets KoreanMessagesMixin."""

    def register(self, model_or_iterable: Any, admin_class: Any = None, **options: Any) -> None:
        admin_class = admin_class or admin.ModelAdmin
        if not issubclass(admin_class, KoreanMessagesMixin):
            admin_class = type(
                admin_class.__name__,
                (KoreanMessagesMixin, admin_class),
                {"__module__": admin_class.__module__, "__doc__": admin_class.__doc__},
            )
        super().register(model_or_iterable, admin_class, **options)
