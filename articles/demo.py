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

from articles import services
from articles.models import (
    Article,
    BreakingNews,
    Byline,
    Correction,
    FrontPagePin,
    Group,
    ReporterProfile,
    ReviewStep,
    Section,
    Tag,
)

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
    "video": ((45, 60, 95), (95, 115, 150), (235, 205, 120)),
}


# The size demo photos are saved at; the seeding test makes them small, since renditions cost time.
PHOTO_SIZE = (1600, 1067)


def demo_photo(scene, seed):
    """A picture (drawn at 1600×1067, saved at PHOTO_SIZE) with a sky, a horizon and shapes in the scene's colours."""
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
    if image.size != PHOTO_SIZE:
        image = image.resize(PHOTO_SIZE, Image.Resampling.BOX)
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
        "감악산 단풍축제 내일 개막",
        "감악산 출렁다리 일대에서 사흘간 단풍축제가 열린다.",
    ),
]


def seed(out):
    users = seed_accounts()
    created = seed_articles(users)
    seed_unpublished(users)
    seed_newsroom(users)
    out.write(f"데모 기사 {created}건을 새로 만들었습니다.")


def seed_unpublished(users):
    sections = {section.slug: section for section in Section.objects.all()}
    now = timezone.now()
    for slug, status, days_ahead, title, summary in UNPUBLISHED:
        article, created = Article.objects.get_or_create(
            section=sections[slug],
            title=title,
            defaults={
                "summary": summary,
                "body": f"<p>{escape(summary)}</p><p>자세한 내용은 취재 중이다.</p>",
                "reporter": users["reporter"],
                "status": status,
                "published_at": now + datetime.timedelta(days=days_ahead),
            },
        )
        if days_ahead and article.published_at <= now:
            # Seeded again after its time came: keep the demo's scheduled article in the future.
            Article.objects.filter(pk=article.pk).update(published_at=now + datetime.timedelta(days=days_ahead))


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
            # Not edited since publication. Views come from the visitors app's demo history, if installed.
            Article.objects.filter(pk=article.pk).update(updated_at=published_at)
            created += 1
    return created


ORIGINS = {label: value for value, label in Article.Origin.choices}

PROFILES = {
    # username: (title, bio)
    "reporter": (
        "취재부장",
        "파주시청과 시의회를 8년째 맡고 있습니다. 예산서와 회의록 속 숫자가 시민 생활에 어떻게 닿는지 씁니다.",
    ),
    "reporter2": (
        "사진·영상",
        "운정신도시와 교하 일대를 카메라로 기록합니다. 행사보다 그 뒤에서 일하는 사람들을 찍는 걸 좋아합니다.",
    ),
    "reporter3": (
        "기자",
        "문산·파평·적성 등 북부 접경 마을 소식을 전합니다. 농사짓는 이웃들의 이야기를 기다립니다.",
    ),
}

CORRECTIONS = [
    # (index of the published demo article, kind, text)
    (2, Correction.Kind.CORRECTION, "기사 셋째 문단의 행사 날짜를 '토요일'에서 '일요일'로 바로잡습니다."),
    (7, Correction.Kind.UPDATE, "시 관계자의 추가 설명을 받아 넷째 문단에 반영했습니다."),
]


def portrait_photo(seed):
    """A 400×400 stand-in portrait: a head and shoulders in colours picked from the seed."""
    rng = random.Random(seed)
    background = tuple(rng.randint(150, 220) for _ in range(3))
    image = Image.new("RGB", (400, 400), background)
    draw = ImageDraw.Draw(image)
    draw.ellipse([130, 70, 270, 230], fill=(230, 195, 165))
    draw.ellipse([120, 250, 280, 520], fill=tuple(rng.randint(30, 120) for _ in range(3)))
    buffer = io.BytesIO()
    image.filter(ImageFilter.GaussianBlur(1)).save(buffer, "JPEG", quality=85)
    return ContentFile(buffer.getvalue())


def seed_newsroom(users):
    """Tags, origins, shared bylines, profiles, corrections, pins, a 속보 and review history."""
    demo_articles = []
    for path in sorted(DEMO_DIR.glob("*.json")):
        for item in json.loads(path.read_text(encoding="utf-8")):
            article = Article.objects.filter(section__slug=item["section"], title=item["title"]).first()
            if article is None:
                continue
            demo_articles.append(article)
            origin = ORIGINS.get(item.get("origin"), Article.Origin.OWN)
            if article.origin != origin:
                Article.objects.filter(pk=article.pk).update(origin=origin)
            article.tags.add(*(Tag.objects.get_or_create(name=name)[0] for name in item.get("tags", [])))
    demo_articles.sort(key=lambda article: article.published_at, reverse=True)

    # A second reporter on every fifth byline, as the photographer.
    for number, article in enumerate(demo_articles[::5]):
        partner = users[REPORTERS[(REPORTERS.index(article.reporter.username) + 1 + number % 2) % len(REPORTERS)]]
        Byline.objects.get_or_create(article=article, reporter=partner, defaults={"role": "사진", "order": 1})

    for username, (title, bio) in PROFILES.items():
        profile, created = ReporterProfile.objects.get_or_create(
            user=users[username], defaults={"title": title, "bio": bio}
        )
        if created or not profile.photo:
            profile.photo.save(f"demo-{username}.jpg", portrait_photo(username), save=False)
            profile.photo_alt = f"{users[username].display_name} 기자 사진"
            profile.save()

    for index, kind, text in CORRECTIONS:
        article = demo_articles[index]
        Correction.objects.get_or_create(
            article=article,
            text=text,
            # three hours after publication, or now for this morning's article: never in the future
            defaults={
                "kind": kind,
                "created_at": min(article.published_at + datetime.timedelta(hours=3), timezone.now()),
            },
        )

    if not FrontPagePin.objects.exists():
        with_photos = [article for article in demo_articles if article.photo and article.section.slug != "video"]
        FrontPagePin.objects.create(slot=FrontPagePin.Slot.TOP, article=with_photos[1], order=0)
        for order, article in enumerate(with_photos[3:5]):
            FrontPagePin.objects.create(slot=FrontPagePin.Slot.HEADLINE, article=article, order=order)
        interview = Group.objects.get(slug="interview")
        pick = next(article for article in demo_articles[6:] if article.section.group_id == interview.pk)
        FrontPagePin.objects.create(slot=FrontPagePin.Slot.GROUP, group=interview, article=pick, order=0)

    now = timezone.now()
    breaking, _ = BreakingNews.objects.get_or_create(
        text="[속보] 임진강 필승교 수위 상승… 파주시, 강변 캠핑장 이용 자제 당부",
        defaults={"article": demo_articles[0], "expires_at": now + datetime.timedelta(hours=12)},
    )
    if breaking.expires_at <= now:  # keep the demo bar up whenever the demo is seeded again
        breaking.starts_at, breaking.expires_at = now, now + datetime.timedelta(hours=12)
        breaking.save()

    seed_history(users, demo_articles)


def seed_history(users, demo_articles):
    """Revision and review history: a returned draft, a submitted article, and edited published ones."""
    desk = users["desk"]
    draft = Article.objects.filter(title=UNPUBLISHED[0][3]).first()
    if draft and not draft.review_steps.exists():
        # Written two hours ago, submitted, and returned by the desk an hour ago: nothing in the future.
        started = timezone.now() - datetime.timedelta(hours=2)
        if draft.created_at > started:
            Article.objects.filter(pk=draft.pk).update(created_at=started)
            draft.created_at = started
        submitted = draft.created_at + datetime.timedelta(minutes=20)
        ReviewStep.objects.create(
            article=draft, actor=draft.reporter, action=ReviewStep.Action.SUBMITTED, created_at=submitted
        )
        ReviewStep.objects.create(
            article=draft,
            actor=desk,
            action=ReviewStep.Action.RETURNED,
            note="주차면 수 증설 규모를 시 교통과에 다시 확인해 주세요. 주민 의견도 한 명 더 들어 주면 좋겠습니다.",
            created_at=submitted + datetime.timedelta(minutes=40),
        )
    waiting = Article.objects.filter(title=UNPUBLISHED[1][3]).first()
    if waiting and not waiting.review_steps.exists():
        ReviewStep.objects.create(
            article=waiting, actor=waiting.reporter, action=ReviewStep.Action.SUBMITTED, note="표결 결과 확인했습니다."
        )
    for article in [draft, waiting, *demo_articles[:4]]:
        if article is None or article.revisions.exists():
            continue
        # The first draft had a plainer title, lacked the last paragraph and a tag; the desk finished it.
        final_title, final_body = article.title, article.body
        article.title = f"{final_title} (초고)"
        paragraphs = final_body.split("</p>")
        if len(paragraphs) > 2:
            article.body = "</p>".join(paragraphs[:-2] + paragraphs[-1:])
        draft_revision = services.revision_record(article=article, author=article.reporter, note="초고")
        if draft_revision is not None and draft_revision.data["tags"]:
            draft_revision.data["tags"] = draft_revision.data["tags"][:-1]
            draft_revision.save(update_fields=["data"])
        article.title, article.body = final_title, final_body
        services.revision_record(article=article, author=desk if article.status == "published" else article.reporter)
        if article.status == Article.Status.PUBLISHED and not article.review_steps.exists():
            ReviewStep.objects.create(
                article=article,
                actor=article.reporter,
                action=ReviewStep.Action.SUBMITTED,
                created_at=article.published_at - datetime.timedelta(hours=1),
            )
            ReviewStep.objects.create(
                article=article, actor=desk, action=ReviewStep.Action.PUBLISHED, created_at=article.published_at
            )
