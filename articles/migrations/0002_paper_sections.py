"""The paper's menu (SPEC §2): groups and sections every fresh database starts with."""

from django.db import migrations

MENU = [
    ("퍼스트뉴스", "news", "articles", [
        ("파주뉴스", "paju"),
        ("교육/사회복지", "education-welfare"),
        ("문화/스포츠뉴스", "culture-sports"),
        ("치안/안보/소방", "safety"),
        ("나눔/단체", "sharing"),
        ("동영상뉴스", "video"),
    ]),
    ("시정", "city", "articles", [
        ("시정", "city-hall"),
        ("시의회", "city-council"),
        ("주민자치", "community"),
    ]),
    ("인터뷰", "interview", "articles", [
        ("정치인", "politicians"),
        ("경제인", "business"),
        ("예술인", "artists"),
        ("단체장", "leaders"),
    ]),
    ("우리동네업소소개", "directory", "directory", [
        ("음식", "food"),
        ("서비스", "services"),
        ("판매", "retail"),
        ("의료", "medical"),
        ("교육", "education"),
        ("매매", "real-estate"),
    ]),
]


def create_menu(apps, schema_editor):
    Group = apps.get_model("articles", "Group")
    Section = apps.get_model("articles", "Section")
    for group_order, (name, slug, kind, sections) in enumerate(MENU, start=1):
        group, _ = Group.objects.get_or_create(slug=slug, defaults={"name": name, "kind": kind, "order": group_order})
        for order, (section_name, section_slug) in enumerate(sections, start=1):
            Section.objects.get_or_create(
                slug=section_slug, defaults={"group": group, "name": section_name, "order": order}
            )


class Migration(migrations.Migration):
    dependencies = [("articles", "0001_initial")]

    operations = [migrations.RunPython(create_menu, migrations.RunPython.noop)]
