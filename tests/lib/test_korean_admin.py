"""Every admin message that names an object takes the particle its last syllable asks for."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group as AuthGroup
from django.urls import reverse

from articles.models import Article, Section, Tag
from lib.korean_admin import KoreanMessagesMixin, fix_particles
from tests.factories import article_form


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ('기사 "남북 도로 개방"가 성공적으로 추가되었습니다.', '기사 "남북 도로 개방"이 성공적으로 추가되었습니다.'),
        ('기사 "파주 소식"가 성공적으로 변경되었습니다.', '기사 "파주 소식"이 성공적으로 변경되었습니다.'),
        ('기사 "운정 호수"이/가 성공적으로 삭제되었습니다.', '기사 "운정 호수"가 성공적으로 삭제되었습니다.'),
        ('태그 "GTX"을/를 지웠습니다.', '태그 "GTX"를 지웠습니다.'),
        ('태그 "2024"가 추가되었습니다.', '태그 "2024"가 추가되었습니다.'),
        ('태그 "2023"가 추가되었습니다.', '태그 "2023"이 추가되었습니다.'),
        (
            '기사 "<a href="/admin/x/">시청 개방</a>"가 추가되었습니다.',
            '기사 "<a href="/admin/x/">시청 개방</a>"이 추가되었습니다.',
        ),
        ("2개의 섹션 을/를 성공적으로 삭제하였습니다.", "2개의 섹션을 성공적으로 삭제하였습니다."),
        ("아래에서 다른 기사을 추가할 수 있습니다.", "아래에서 다른 기사를 추가할 수 있습니다."),
        ("3개의 섹션이/가 변경되었습니다.", "3개의 섹션이 변경되었습니다."),
        ("기사 이동", "기사 이동"),  # a word that starts with 이 is not a particle
        ("제목 또한 본문가 변경되었습니다.", "제목 또한 본문이 변경되었습니다."),
        ("요약가 변경되었습니다.", "요약이 변경되었습니다."),
        ("섹션이 변경되었습니다.", "섹션이 변경되었습니다."),
    ],
)
def test_fix_particles(message, expected):
    assert fix_particles(message, ("기사", "섹션", "태그")) == expected


def test_every_registered_admin_gets_the_korean_messages():
    assert admin.site._registry  # noqa: SLF001
    for model_admin in admin.site._registry.values():  # noqa: SLF001
        assert isinstance(model_admin, KoreanMessagesMixin), model_admin
    assert isinstance(admin.site._registry[AuthGroup], KoreanMessagesMixin)  # noqa: SLF001 - Django's own


@pytest.mark.django_db
def test_add_change_and_delete_messages(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("admin:articles_article_add"), article_form(editor, title="남북 도로 개방"), follow=True
    )
    added = " ".join(str(message) for message in response.context["messages"])
    assert '개방</a>"이 ' in added and '"가 ' not in added
    article = Article.objects.get()
    url = reverse("admin:articles_article_change", args=[article.pk])
    response = client.post(url, article_form(editor, title="파주 도서관 휴관"), follow=True)
    changed = " ".join(str(message) for message in response.context["messages"])
    assert '휴관</a>"이 ' in changed
    page = client.get(reverse("admin:articles_article_delete", args=[article.pk])).content.decode()
    assert '"파주 도서관 휴관"을 삭제하시겠습니까' in page and "을/를" not in page
    response = client.post(reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"}, follow=True)
    deleted = " ".join(str(message) for message in response.context["messages"])
    assert '"파주 도서관 휴관"이 성공적으로 삭제되었습니다' in deleted


@pytest.mark.django_db
def test_bulk_delete_action_confirmation_and_message(client, editor, django_user_model):
    superuser = django_user_model.objects.create_superuser("chief", "chief@example.com", "correct-horse-battery")
    client.force_login(superuser)
    tags = [Tag.objects.create(name="청렴도"), Tag.objects.create(name="GTX")]
    changelist = reverse("admin:articles_tag_changelist")
    page = client.get(changelist).content.decode()
    assert "선택한 태그를 삭제합니다" in page and "을/를" not in page
    section_page = client.get(reverse("admin:articles_section_changelist")).content.decode()
    assert "선택한 섹션을 삭제합니다" in section_page
    action = {"action": "delete_selected", "_selected_action": [tag.pk for tag in tags]}
    confirm = client.post(changelist, action).content.decode()
    assert "을/를" not in confirm and "태그를" in confirm
    response = client.post(changelist, {**action, "post": "yes"}, follow=True)
    done = " ".join(str(message) for message in response.context["messages"])
    assert "2개의 태그를 성공적으로 삭제하였습니다" in done
    assert Section.objects.exists()


@pytest.mark.django_db
def test_site_messages_pick_the_particle_of_what_was_searched(client):
    page = client.get(reverse("search:search"), {"q": "청렴도"}).content.decode()
    assert "‘청렴도’가 들어간 기사가 없습니다" in page and "이(가)" not in page
    page = client.get(reverse("search:search"), {"q": "시청"}).content.decode()
    assert "‘시청’이 들어간 기사가 없습니다" in page


def test_the_josa_filter_is_a_builtin_of_every_template():
    from django.template import engines

    template = engines["django"].from_string('{{ name }}{{ name|josa:"은/는" }} {{ other }}{{ other|josa:"(으)로" }}')
    assert template.render({"name": "퍼스트신문", "other": "파주"}) == "퍼스트신문은 파주로"


@pytest.mark.django_db
def test_login_security_screens_are_named_in_korean(client, editor, django_user_model):
    superuser = django_user_model.objects.create_superuser("chief", "chief@example.com", "correct-horse-battery")
    client.force_login(superuser)
    page = client.get(reverse("admin:index")).content.decode()
    for name in ("로그인 보안", "로그인 시도", "로그인 실패 기록", "로그인 기록"):
        assert name in page
    for english in ("Access attempts", "Access failures", "Access logs", "Axes"):
        assert english not in page
    assert "로그인 시도" in client.get(reverse("admin:axes_accessattempt_changelist")).content.decode()
    client.force_login(editor)  # the desk does not see them at all
    page = client.get(reverse("admin:index")).content.decode()
    assert "로그인 보안" not in page and "Access" not in page


def test_the_compiled_translations_match_their_source():
    """locale/ko/LC_MESSAGES/django.mo is compiled from django.po (msgfmt): a stale .mo fails here."""
    import re
    from pathlib import Path

    from django.conf import settings
    from django.utils import translation

    source = (Path(settings.BASE_DIR) / "locale/ko/LC_MESSAGES/django.po").read_text()
    pairs = re.findall(r'^msgid "(.+)"\nmsgstr "(.*)"$', source, flags=re.M)
    assert len(pairs) >= 6
    with translation.override("ko"):
        for english, korean in pairs:
            assert translation.gettext(english) == korean, english
