"""`manage.py bench_data --articles 1000000`: a big archive to measure the site against.

Articles with Korean bodies drawn from a vocabulary with Zipf-like word
frequencies (the demo articles' words by their frequency, then a long tail of
rare generated words), ~30 reporters, tags, threaded comments (a few
3,000-comment threads on big sets), an optional photo, dates over N years.

On PostgreSQL rows go in with COPY in one transaction, with triggers off
(session_replication_role = replica) and the tables' secondary indexes dropped
and built again at the end; then every app that keeps derived data for
articles gets to rebuild it in bulk (the search index: `search_rebuild`). On
SQLite (small sets, `make bench`) the same rows go in with bulk_create.
Never run against a database with content you care about: it only adds rows,
but it locks the tables while it loads.
"""

import datetime
import io
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group as Role
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image, ImageDraw

from articles.models import Article, Group, Section, Tag
from lib.images import make_renditions
from lib.pgcopy import copy_rows
from lib.progress import Progress

DEMO_CONTENT = Path(__file__).resolve().parents[2] / "demo_content"
FAMILY = "김이박최정강조윤장임한오서신권황안송류홍"
GIVEN = [
    *("파주", "문산", "교하", "운정", "금촌", "탄현", "조리", "광탄", "적성", "파평"),
    *("법원", "월롱", "장단", "진동", "군내", "가람", "나래", "다온", "라온", "마루"),
    *("보람", "새봄", "아라", "여울", "윤슬", "하늘", "한결", "해솔", "초롱", "누리"),
]
MARKERS = {"꽃게탕": 0.0005, "청보리밭": 0.005, "도시재생": 0.05}
THREAD_SIZE = 3000
CHUNK = 2000
PATH_STEP = 10
PHOTO_NAME = "articles/bench/bench-photo.jpg"


def _share(value):
    share = float(value)
    if not 0 <= share <= 1:
        raise ValueError
    return share


def _count_range(value):
    """'5' (exactly five) or '1-80' (uniformly between)."""
    low, _, high = value.partition("-")
    low, high = int(low), int(high or low)
    if low < 0 or high < low:
        raise ValueError
    return low, high


class Vocabulary:
    """Words with Zipf-like frequencies: the demo's words by rank, then a long tail of rare ones."""

    def __init__(self, rng, tail=50000):
        texts = []
        for path in sorted(DEMO_CONTENT.glob("*.json")):
            for item in json.loads(path.read_text()):
                texts.extend([item["title"], *item.get("paragraphs", [])])
        counts = Counter(word for text in texts for word in text.split())
        words = [word for word, _ in counts.most_common()]
        syllables = [ch for ch in "".join(texts) if "가" <= ch <= "힣"]
        seen = set(words)
        while len(words) < len(counts) + tail:
            word = "".join(rng.choices(syllables, k=rng.randint(2, 4)))
            if word not in seen:
                seen.add(word)
                words.append(word)
        self.words = words
        self.weights = []
        total = 0.0
        for rank in range(len(words)):
            total += 1.0 / (rank + 2.7)
            self.weights.append(total)
        self.rng = rng

    def sentence(self, low=6, high=14):
        words = self.rng.choices(self.words, cum_weights=self.weights, k=self.rng.randint(low, high))
        return " ".join(words) + "."


class Command(BaseCommand):
    help = "성능 측정용 대량 데이터(기사, 기자, 태그, 댓글, 사진)를 DATABASE_URL의 데이터베이스에 넣습니다."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=1000, help="만들 기사 수")
        parser.add_argument("--comment-share", type=_share, default=0.05, help="댓글이 달린 기사의 비율")
        parser.add_argument(
            "--comments-per", type=_count_range, default=(1, 80), help="기사당 댓글 수: 5 또는 1-80(고르게)"
        )
        parser.add_argument(
            "--big-threads", type=int, default=None, help="댓글 3,000개짜리 기사 수(기본: 10만 건 이상이면 3)"
        )
        parser.add_argument("--photo-share", type=_share, default=0.3, help="대표 사진이 있는 기사의 비율")
        parser.add_argument("--tag-share", type=_share, default=0.10, help="태그가 달린 기사의 비율")
        parser.add_argument("--body-chars", type=int, default=1000, help="본문 평균 글자 수")
        parser.add_argument("--years", type=int, default=10, help="발행 시각을 퍼뜨릴 햇수")
        parser.add_argument("--reporters", type=int, default=30, help="기자 수")
        parser.add_argument("--seed", type=int, default=1, help="난수 씨앗(같은 씨앗이면 같은 데이터)")

    def handle(self, *args, **options):
        total = options["articles"]
        if total < 1:
            raise CommandError("--articles는 1 이상이어야 합니다.")
        rng = random.Random(options["seed"])
        started = time.monotonic()
        self.options = options
        self.rng = rng
        self.vocabulary = Vocabulary(rng)
        self.pool = [self.vocabulary.sentence() for _ in range(min(200000, max(2000, total * 4)))]
        self.sections = list(Section.objects.filter(group__kind=Group.Kind.ARTICLES).values_list("id", flat=True))
        if not self.sections:
            raise CommandError("기사 섹션이 없습니다. 먼저 migrate 하세요.")
        self.reporters = self._reporters(options["reporters"])
        self.members = self._members(300) if options["comment_share"] else []
        self.tags = self._tags(300) if options["tag_share"] else []
        self.photo = self._photo() if options["photo_share"] else None
        big = options["big_threads"]
        if big is None:
            big = 3 if total >= 100000 else 0
        self.big_threads = set(rng.sample(range(total), min(big, total)))
        postgresql = connection.vendor == "postgresql"
        progress = Progress("기사", sys.stderr)
        counts = self._load_postgresql(total, progress) if postgresql else self._load_sqlite(total, progress)
        if postgresql:
            self._rebuild_derived()
        minutes = (time.monotonic() - started) / 60
        self.stdout.write(
            f"기사 {counts['articles']:,}건, 댓글 {counts['comments']:,}개, 태그 연결 {counts['tags']:,}개를 "
            f"{minutes:.1f}분에 넣었습니다."
        )

    # People, tags and the photo: few rows, through the ORM.

    def _reporters(self, count):
        User = get_user_model()
        role = Role.objects.filter(name="기자").first()
        reporters = []
        for number in range(count):
            family, given = FAMILY[number % len(FAMILY)], GIVEN[number % len(GIVEN)]
            user, created = User.objects.get_or_create(
                username=f"bench-reporter-{number + 1:02d}",
                defaults={"last_name": family, "first_name": given, "is_staff": True, "email": ""},
            )
            if created:
                user.set_unusable_password()
                user.save(update_fields=["password"])
                if role:
                    user.groups.add(role)
            reporters.append((user.pk, user.get_full_name()))
        return reporters

    def _members(self, count):
        User = get_user_model()
        existing = set(User.objects.filter(username__startswith="bench-member-").values_list("username", flat=True))
        User.objects.bulk_create(
            [
                User(username=name, nickname=f"벤치독자{number:03d}", password=make_password(None))
                for number in range(count)
                if (name := f"bench-member-{number:03d}") not in existing
            ]
        )
        return list(User.objects.filter(username__startswith="bench-member-").values_list("id", flat=True))

    def _tags(self, count):
        names = [word for word in self.vocabulary.words if 2 <= len(word) <= 6 and word.isalnum()][:count]
        Tag.objects.bulk_create(
            [Tag(name=name, slug=slugify(name, allow_unicode=True)) for name in names], ignore_conflicts=True
        )
        return list(Tag.objects.filter(name__in=names).values_list("id", flat=True))

    def _photo(self):
        """One generated JPEG and its renditions, made once and shared by every article with a photo."""
        if not default_storage.exists(PHOTO_NAME):
            image = Image.new("RGB", (1600, 1000), (36, 84, 140))
            draw = ImageDraw.Draw(image)
            for step in range(0, 1000, 40):
                draw.rectangle([0, step, 1600, step + 20], fill=(40 + step // 8, 120, 160 - step // 10))
            data = io.BytesIO()
            image.save(data, "JPEG", quality=80)
            default_storage.save(PHOTO_NAME, ContentFile(data.getvalue()))
        field = Article(photo=PHOTO_NAME).photo
        return PHOTO_NAME, json.dumps({"source": PHOTO_NAME, **make_renditions(field)})

    # Rows.

    def _article(self, number, article_id, total, now, span):
        rng, options = self.rng, self.options
        published = now - span + span * ((number + rng.random()) / total)
        paragraphs, length = [], 0
        target = max(100, int(rng.gauss(options["body_chars"], options["body_chars"] / 3)))
        while length < target:
            paragraph = " ".join(rng.choices(self.pool, k=rng.randint(2, 5)))
            length += len(paragraph)
            paragraphs.append(f"<p>{paragraph}</p>")
        for word, share in MARKERS.items():
            if rng.random() < share:
                paragraphs.append(f"<p>{word} {self.vocabulary.sentence(3, 6)}</p>")
        reporter_id, reporter_name = rng.choice(self.reporters)
        status = rng.random()
        row = {
            "id": article_id,
            "section_id": rng.choice(self.sections),
            "title": self.vocabulary.sentence(4, 8)[:-1],
            "subtitle": self.vocabulary.sentence(4, 8)[:-1] if rng.random() < 0.3 else "",
            "summary": self.vocabulary.sentence(8, 14) if rng.random() < 0.5 else "",
            "body": "".join(paragraphs),
            "reporter_id": reporter_id,
            "byline": f"{reporter_name} 기자" if rng.random() < 0.2 else "",
            "status": "draft" if status < 0.01 else "review" if status < 0.015 else "published",
            "published_at": published,
            "created_at": published,
            "updated_at": published,
            "view_count": int(rng.paretovariate(1.2) * 20),
        }
        if self.photo and rng.random() < options["photo_share"]:
            row.update(
                photo=self.photo[0],
                photo_renditions=self.photo[1],
                photo_alt="파주 풍경을 담은 사진",
                photo_caption=self.vocabulary.sentence(3, 6),
            )
        return row

    def _comments(self, article, first_id, count):
        rng = self.rng
        rows = []
        for offset in range(count):
            comment_id = first_id + offset
            parent = rng.choice(rows) if rows and rng.random() < 0.3 else None
            if parent and parent["depth"] >= 5:
                parent = None
            created = article["published_at"] + datetime.timedelta(minutes=10 + offset * rng.randint(1, 30))
            rows.append(
                {
                    "id": comment_id,
                    "article_id": article["id"],
                    "author_id": rng.choice(self.members),
                    "parent_id": parent["id"] if parent else None,
                    "depth": parent["depth"] + 1 if parent else 1,
                    "path": (parent["path"] if parent else "") + f"{comment_id:0{PATH_STEP}d}",
                    "text": " ".join(rng.choices(self.pool, k=rng.randint(1, 2))),
                    "status": "visible" if rng.random() > 0.02 else "hidden",
                    "created_at": created,
                }
            )
        return rows

    def _generate(self, total, first_article, first_comment, progress):
        """Yield (articles, comments, tag links) a chunk at a time."""
        options, rng = self.options, self.rng
        now = timezone.now() - datetime.timedelta(minutes=5)
        span = datetime.timedelta(days=365 * options["years"])
        low, high = options["comments_per"]
        comment_id = first_comment
        progress.start(total)
        for start in range(0, total, CHUNK):
            articles, comments, links = [], [], []
            for number in range(start, min(total, start + CHUNK)):
                article = self._article(number, first_article + number, total, now, span)
                count = 0
                if self.members and article["status"] == "published":
                    if number in self.big_threads:
                        count = THREAD_SIZE
                    elif rng.random() < options["comment_share"]:
                        count = rng.randint(low, high)
                if count:
                    rows = self._comments(article, comment_id, count)
                    comment_id += count
                    comments.extend(rows)
                    article["comment_count"] = sum(row["status"] == "visible" for row in rows)
                if self.tags and rng.random() < options["tag_share"]:
                    links.extend(
                        (article["id"], tag) for tag in rng.sample(self.tags, min(len(self.tags), rng.randint(1, 3)))
                    )
                articles.append(article)
            yield articles, comments, links
            progress.update(min(total, start + CHUNK))
        progress.finish()

    # Loading.

    def _tables(self):
        tables = [(Article, "article"), (Article.tags.through, "tags")]
        if apps.is_installed("comments") and self.members:
            tables.append((apps.get_model("comments", "Comment"), "comments"))
        return tables

    def _load_sqlite(self, total, progress):
        Comment = apps.get_model("comments", "Comment") if apps.is_installed("comments") else None
        Link = Article.tags.through
        first_article = (Article.objects.order_by("-id").values_list("id", flat=True).first() or 0) + 1
        first_comment = (
            (Comment.objects.order_by("-id").values_list("id", flat=True).first() or 0) + 1 if Comment else 1
        )
        counts = Counter()
        with transaction.atomic():
            for articles, comments, links in self._generate(total, first_article, first_comment, progress):
                Article.objects.bulk_create(
                    [
                        Article(**{**row, "photo_renditions": json.loads(row.get("photo_renditions", "{}"))})
                        for row in articles
                    ]
                )
                Link.objects.bulk_create([Link(article_id=article, tag_id=tag) for article, tag in links])
                if Comment and comments:
                    Comment.objects.bulk_create([Comment(**row) for row in comments])
                counts.update(articles=len(articles), comments=len(comments), tags=len(links))
            # auto_now fields took the load time; the archive's own dates are what pages sort and show.
            Article.objects.filter(id__gte=first_article).update(
                created_at=F("published_at"), updated_at=F("published_at")
            )
        return counts

    def _load_postgresql(self, total, progress):
        counts = Counter()
        tables = {kind: model for model, kind in self._tables()}
        with transaction.atomic(), connection.cursor() as cursor:
            self._disable_triggers(cursor, tables.values())
            indexes = self._drop_indexes(cursor, tables.values())
            first = {}
            for kind, model in tables.items():
                cursor.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {model._meta.db_table}")  # noqa: S608 model table
                first[kind] = cursor.fetchone()[0]
            columns = {kind: _columns(model) for kind, model in tables.items()}
            for articles, comments, links in self._generate(
                total, first["article"], first.get("comments", 1), progress
            ):
                _copy(cursor, tables["article"], columns["article"], articles)
                _copy(
                    cursor,
                    tables["tags"],
                    columns["tags"],
                    [{"article_id": article, "tag_id": tag} for article, tag in links],
                    with_id=False,
                )
                if comments:
                    _copy(cursor, tables["comments"], columns["comments"], comments)
                counts.update(articles=len(articles), comments=len(comments), tags=len(links))
            built = Progress("색인", sys.stderr)
            built.start(len(indexes))
            cursor.execute("SET LOCAL maintenance_work_mem = '1GB'")
            for number, definition in enumerate(indexes, 1):
                cursor.execute(definition)
                built.update(number, force=True)
            built.finish()
            for model in tables.values():
                table = model._meta.db_table
                cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")  # noqa: S608 model table
            self._enable_triggers(cursor, tables.values())
        with connection.cursor() as cursor:
            for model in tables.values():
                cursor.execute(f"ANALYZE {model._meta.db_table}")
        return counts

    def _disable_triggers(self, cursor, models):
        """Off for this transaction: the search trigger (rebuilt in bulk after) and the foreign-key checks."""
        try:
            with transaction.atomic():
                cursor.execute("SET LOCAL session_replication_role = replica")
            self.replica = True
        except Exception:  # not a superuser: turn off the tables' own triggers instead
            self.replica = False
            for model in models:
                cursor.execute(f"ALTER TABLE {model._meta.db_table} DISABLE TRIGGER USER")

    def _enable_triggers(self, cursor, models):
        if self.replica:
            cursor.execute("SET LOCAL session_replication_role = origin")
            return
        for model in models:
            cursor.execute(f"ALTER TABLE {model._meta.db_table} ENABLE TRIGGER USER")

    def _drop_indexes(self, cursor, models):
        """Drop the secondary indexes (not those behind a key or unique constraint); return how to build them."""
        cursor.execute(
            """
            SELECT i.indexname, i.indexdef FROM pg_indexes i
            WHERE i.schemaname = current_schema() AND i.tablename = ANY(%s)
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
            """,
            [[model._meta.db_table for model in models]],
        )
        found = cursor.fetchall()
        for name, _ in found:
            cursor.execute(f'DROP INDEX "{name}"')
        return [definition for _, definition in found]

    def _rebuild_derived(self):
        if apps.is_installed("search") and "search_rebuild" in get_commands():
            call_command("search_rebuild")


def _columns(model):
    """(column, default) for every concrete field of a model, so fields added later still get a value."""
    columns = []
    for field in model._meta.concrete_fields:
        default = None if field.primary_key else field.get_default()
        if isinstance(default, (dict, list)):
            default = json.dumps(default)
        columns.append((field.column, field.attname, default))
    return columns


def _copy(cursor, model, columns, rows, with_id=True):
    """COPY rows (dicts by attribute name) into the model's table; missing attributes take the field default."""
    columns = [column for column in columns if with_id or column[1] != "id"]
    copy_rows(
        cursor,
        model._meta.db_table,
        [column for column, _, _ in columns],
        ([row.get(attname, default) for _, attname, default in columns] for row in rows),
    )
