"""Demo print editions: a weekly paper for the last six Fridays, drawn with Pillow as small PDFs.

Each front page carries real demo headlines (from articles/demo.py), so the e-paper
looks like the site's own paper. Editions are matched by issue number.
"""

import datetime
import io
from pathlib import Path

from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageDraw, ImageFont

from articles.demo import demo_photo
from articles.models import Article
from pages.models import SiteSettings

from .models import Edition

EDITIONS = 6
NEWEST_ISSUE = 418
PAGE = (827, 1169)  # A4 at 100 dpi keeps each PDF small
FONT_DIRS = ["/usr/share/fonts/opentype/noto", "/usr/share/fonts/truetype/noto", "/usr/share/fonts/noto-cjk"]
WEEKDAYS = "월화수목금토일"


def font(size, bold=False):
    """A Korean font when the system has Noto CJK; Pillow's own font otherwise (no Hangul)."""
    name = "NotoSansCJK-Bold.ttc" if bold else "NotoSansCJK-Regular.ttc"
    for folder in FONT_DIRS:
        path = Path(folder) / name
        if path.exists():
            return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size)


def wrap(draw, text, typeface, width):
    lines, line = [], ""
    for char in text:
        if draw.textlength(line + char, font=typeface) > width and line:
            lines.append(line)
            line = char.lstrip()
        else:
            line += char
    return [*lines, line] if line else lines


def front_page(paper_name, date, issue, stories):
    """Page 1: masthead, the lead story with a photo, four more headlines with column rules."""
    width, height = PAGE
    page = Image.new("RGB", PAGE, (252, 251, 247))
    draw = ImageDraw.Draw(page)
    draw.text((40, 30), paper_name, font=font(72, bold=True), fill=(10, 61, 122))
    dateline = f"{date:%Y년 %m월 %d일} {WEEKDAYS[date.weekday()]}요일 | 제{issue}호 | 파주 지역신문"
    draw.text((44, 126), dateline, font=font(18), fill=(60, 60, 60))
    draw.line([(40, 160), (width - 40, 160)], fill=(20, 20, 20), width=4)
    if not stories:
        return page
    lead, *others = stories
    y = 180
    for line in wrap(draw, lead.title, font(40, bold=True), width - 80)[:2]:
        draw.text((40, y), line, font=font(40, bold=True), fill=(20, 20, 20))
        y += 54
    photo = Image.open(demo_photo("river", f"{issue}-{lead.pk}")).resize((width - 80, 420))
    page.paste(photo, (40, y + 10))
    y += 450
    for line in wrap(draw, lead.summary, font(20), width - 80)[:3]:
        draw.text((40, y), line, font=font(20), fill=(40, 40, 40))
        y += 30
    draw.line([(40, y + 10), (width - 40, y + 10)], fill=(120, 120, 120), width=1)
    column = (width - 80 - 30) // 2
    for index, story in enumerate(others[:4]):
        x = 40 + (index % 2) * (column + 30)
        top = y + 30 + (index // 2) * 150
        line_y = top
        for line in wrap(draw, story.title, font(24, bold=True), column)[:2]:
            draw.text((x, line_y), line, font=font(24, bold=True), fill=(20, 20, 20))
            line_y += 32
        for line in wrap(draw, story.summary, font(16), column)[:2]:
            draw.text((x, line_y + 4), line, font=font(16), fill=(70, 70, 70))
            line_y += 24
    return page


def inside_page(paper_name, date, issue, stories):
    """Page 2: a plain list of this week's stories, like an index page."""
    page = Image.new("RGB", PAGE, (252, 251, 247))
    draw = ImageDraw.Draw(page)
    draw.text((40, 30), f"{paper_name} 제{issue}호 · 2면 · 이번 주 소식", font=font(22, bold=True), fill=(10, 61, 122))
    draw.line([(40, 70), (PAGE[0] - 40, 70)], fill=(20, 20, 20), width=2)
    y = 90
    for story in stories:
        draw.text((40, y), f"▶ {story.title}", font=font(20, bold=True), fill=(20, 20, 20))
        y += 34
    return page


def seed(out):
    paper_name = SiteSettings.load().name
    newest_friday = timezone.localdate() - datetime.timedelta(days=(timezone.localdate().weekday() - 4) % 7)
    articles = list(Article.objects.published().only("id", "title", "summary")[: EDITIONS * 5])
    created = 0
    for week in range(EDITIONS):
        issue = NEWEST_ISSUE - week
        if Edition.objects.filter(issue_number=issue).exists():
            continue
        date = newest_friday - datetime.timedelta(weeks=week)
        stories = articles[week * 5 : week * 5 + 5] or articles[:5]
        front = front_page(paper_name, date, issue, stories)
        pdf = io.BytesIO()
        front.save(
            pdf, "PDF", resolution=100, save_all=True, append_images=[inside_page(paper_name, date, issue, stories)]
        )
        cover = io.BytesIO()
        front.save(cover, "JPEG", quality=85)
        edition = Edition(date=date, issue_number=issue, headline=stories[0].title if stories else "")
        edition.pdf.save("demo.pdf", ContentFile(pdf.getvalue()), save=False)
        edition.cover.save(f"demo-cover-{issue}.jpg", ContentFile(cover.getvalue()), save=False)
        edition.save()
        created += 1
    out.write(f"데모 지면 {created}개를 새로 만들었습니다.")
