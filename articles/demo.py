"""Demo newsroom for `make run`: accounts for each role and original local articles.

Articles are matched by section and title, so seeding again adds nothing twice;
the demo passwords are set again so that the printed ones always work.
"""

import datetime
import io
import json
import random
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group as Role
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.html import escape
from PIL import Image, ImageDraw, ImageFilter

from articles.models import Article, Section

DEMO_DIR = Path(__file__).resolve().parent / "demo_content"

ACCOUNTS = [
    # username, password, last name, first name, role, superuser
    ("admin", "firstnews-admin-2026", "관", "리자", None, True),
    ("desk", "firstnews-desk-2026", "정", "데스크", "데스크", False),
    ("reporter", "firstnews-reporter-2026", "김", "파주", "기자", False),
    ("reporter2", "firstnews-reporter-2026", "이", "운정", "기자", False),
    ("reporter3", "firstnews-reporter-2026", "박", "문산", "기자", False),
]
REPORTERS = ["reporter", "reporter2", "reporter3"]

# Creative Commons open films from the Blender Foundation stand in for news videos.
DEMO_VIDEOS = [
    "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
    "https://www.youtube.com/watch?v=eRsGyueVLvQ",
]

SCENES = {
    "river": ((120, 170, 210), (40, 90, 140), (70, 110, 80)),
    "field": ((170, 205, 235), (200, 190, 90), (90, 140, 60)),
    "building": ((185, 205, 225), (120, 125, 135), (80, 85, 95)),
    "crowd": ((230, 215, 190), (160, 90, 70), (70, 70, 90)),
    "sports": ((150, 200, 240), (50, 140, 70), (230, 230, 230)),
    "fire": ((60, 50, 60), (220, 90, 30), (200, 30, 30)),
    "school": ((190, 215, 240), (210, 170, 120), (120, 80, 60)),
    "festival": ((40, 40, 90), (240, 180, 60), (200, 60, 120)),
    "night": ((15, 20, 50), (60, 60, 110), (250, 220, 120)),
    "forest": ((170, 210, 200), (50, 110, 60), (30, 70, 40)),
    "portrait": ((215, 210, 200), (90, 70, 60), (40, 60, 90)),
    "meeting": ((220, 220, 215), (120, 90, 60), (60, 80, 120)),
    "video": ((20, 20, 28), (60, 80, 120), (200, 200, 210)),
}


def demo_photo(scene, seed):
    """A 1600×1067 picture with a sky, a horizon and shapes in the scene's colours."""
    sky, ground, accent = SCENES.get(scene, SCENES["field"])
    rng = random.Random(seed)
    width, height = 1600, 1067
    image = Image.new("RGB", (width, height), sky)
    draw = ImageDraw.Draw(image)
    horizon = rng.randint(height // 2, height * 2 // 3)
    for y in range(horizon):
        shade = tuple(min(255, c + y * 40 // horizon) for c in sky)
        draw.line([(0, y), (width, y)], fill=shade)
    draw.rectangle([0, horizon, width, height], fill=ground)
    for _ in range(rng.randint(6, 14)):
        x = rng.randint(0, width)
        w = rng.randint(60, 260)
        h = rng.randint(80, 420)
        color = tuple(max(0, min(255, c + rng.randint(-40, 40))) for c in accent)
        if scene == "portrait":
            draw.ellipse([width // 2 - 170, horizon - 520, width // 2 + 170, horizon - 120], fill=(225, 190, 160))
            draw.rectangle([width // 2 - 300, horizon - 140, width // 2 + 300, height], fill=accent)
            break
        draw.rectangle([x, horizon - h, x + w, horizon + rng.randint(0, 60)], fill=color)
    image = image.filter(ImageFilter.GaussianBlur(1.2))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return ContentFile(buffer.getvalue())


def body_html(paragraphs):
    parts = []
    for paragraph in paragraphs:
        text = escape(paragraph)
        if paragraph.startswith("―"):
            parts.append(f"<p><strong>{text}</strong></p>")
        else:
            parts.append(f"<p>{text}</p>")
    return "\n".join(parts)


# Articles readers must not see yet, so the desk has something to review and schedule.
UNPUBLISHED = [
    (
        "paju",
        Article.Status.DRAFT,
        0,
        "문산역 환승주차장 증설 검토 착수",
        "문산역 환승주차장 확충을 두고 시와 주민 의견을 듣고 있다.",
    ),
    (
        "city-council",
        Article.Status.REVIEW,
        0,
        "시의회, 청년 기본조례 개정안 상임위 통과",
        "청년 주거 지원 대상을 넓히는 개정안이 상임위를 통과했다.",
    ),
    (
        "culture-sports",
        Article.Status.PUBLISHED,
        1,
        "[예약] 감악산 단풍축제 내일 개막",
        "감악산 출렁다리 일대에서 사흘간 단풍축제가 열린다.",
    ),
]


def seed(out):
    users = seed_accounts()
    created = seed_articles(users)
    seed_unpublished(users)
    out.write(f"데모 기사 {created}건을 새로 만들었습니다.")


def seed_unpublished(users):
    sections = {section.slug: section for section in Section.objects.all()}
    for slug, status, days_ahead, title, summary in UNPUBLISHED:
        Article.objects.get_or_create(
            section=sections[slug],
            title=title,
            defaults={
                "summary": summary,
                "body": f"<p>{escape(summary)}</p><p>자세한 내용은 취재 중이다.</p>",
                "reporter": users["reporter"],
                "status": status,
                "published_at": timezone.now() + datetime.timedelta(days=days_ahead),
            },
        )


def logins():
    lines = ["편집국(관리자 화면): http://127.0.0.1:8000/admin/"]
    for username, password, _last, _first, role, superuser in ACCOUNTS:
        lines.append(f"  {'관리자' if superuser else role:<4} 아이디 {username:<10} 비밀번호 {password}")
    return lines


def seed_accounts():
    User = get_user_model()
    users = {}
    for username, password, last, first, role, superuser in ACCOUNTS:
        user, _ = User.objects.get_or_create(
            username=username,
            defaults={"last_name": last, "first_name": first, "email": f"{username}@firstnews.example"},
        )
        user.is_staff = True
        user.is_superuser = superuser
        user.set_password(password)
        user.save()
        if role:
            user.groups.add(Role.objects.get(name=role))
        users[username] = user
    return users


def seed_articles(users):
    sections = {section.slug: section for section in Section.objects.all()}
    now = timezone.localtime()
    created = 0
    videos = 0
    for path in sorted(DEMO_DIR.glob("*.json")):
        for number, item in enumerate(json.loads(path.read_text(encoding="utf-8"))):
            section = sections[item["section"]]
            if Article.objects.filter(section=section, title=item["title"]).exists():
                continue
            published_at = (now - datetime.timedelta(days=item["days_ago"])).replace(
                hour=item["hour"], minute=(number * 7) % 60, second=0, microsecond=0
            )
            if published_at > now:
                published_at -= datetime.timedelta(days=1)
            article = Article(
                section=section,
                title=item["title"],
                subtitle=item["subtitle"],
                summary=item["summary"],
                body=body_html(item["paragraphs"]),
                reporter=users[REPORTERS[item["reporter"] % len(REPORTERS)]],
                status=Article.Status.PUBLISHED,
                published_at=published_at,
            )
            photo = item.get("photo")
            if section.slug == "video":
                article.video_url = DEMO_VIDEOS[videos % len(DEMO_VIDEOS)]
                videos += 1
                photo = photo or {
                    "caption": "",
                    "credit": "",
                    "alt": f"{item['title']} 동영상 장면",
                    "scene": "video",
                }
            if photo:
                article.photo.save(
                    f"demo-{section.slug}-{number}.jpg", demo_photo(photo["scene"], item["title"]), save=False
                )
                article.photo_alt = photo["alt"]
                article.photo_caption = photo["caption"]
                article.photo_credit = photo["credit"]
            article.save()
            # A deterministic spread of views so that 많이 본 뉴스 has an order; not edited since publication.
            Article.objects.filter(pk=article.pk).update(
                view_count=random.Random(item["title"]).randint(20, 2400), updated_at=published_at
            )
            created += 1
    return created
