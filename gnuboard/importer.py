# ruff: noqa: S608 - table names in SQL come from the prefix and bo_table, both checked by source.TABLE_NAME
"""Moving a Gnuboard5 site here: boards → sections, posts → articles, comments → threads, members, files,
visitor totals. Every stage is repeatable: SourceRow remembers what each source row became and a
fingerprint of it, so a second run skips what is unchanged and writes only what was added or edited.

Posts travel in batches: one read of the posts, one of their comments, one of the rows already imported,
then one transaction that bulk-inserts the articles, their comments (ids taken from the sequence first, so
each comment's thread path is known before it is written) and the SourceRows. A batch that fails is
retried post by post, so one bad row is reported and skipped and nothing half-imported remains.
"""

import contextlib
import hashlib
import re
import sys
import tomllib
from collections import Counter, defaultdict
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group as Role
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import DatabaseError, connection, connections, transaction
from django.db.models import Count, F
from django.db.models.functions import Lower
from django.utils import timezone

from accounts.models import Consent
from articles.models import Article, Group, Section, Tag
from comments.models import MAX_DEPTH, PATH_STEP, Comment
from lib.images import make_renditions, save_editor_upload, validate_image
from lib.progress import Progress
from lib.sanitize import sanitize_html
from search.index import index_articles, set_trigger_off
from visitors.models import DailyVisits

from . import convert, reader
from .bulk import allocate_ids, insert_rows, new_row_values
from .hashers import encoded_from_gnuboard
from .models import SourceRow

Kind = SourceRow.Kind
User = get_user_model()

IMPORTED_CONSENT_VERSION = "그누보드5"
NICKNAME_MAX = 12
# Attachments other than images that may be served from the site's media (never anything a browser runs).
ATTACHMENT_EXTENSIONS = {
    "pdf",
    "hwp",
    "hwpx",
    "doc",
    "docx",
    "xls",
    "xlsx",
    "ppt",
    "pptx",
    "txt",
    "zip",
    "mp3",
    "mp4",
    "jpg",
    "jpeg",
    "png",
    "gif",
    "webp",
}
MEMBER_FINGERPRINT = (
    "mb_password",
    "mb_name",
    "mb_nick",
    "mb_email",
    "mb_level",
    "mb_leave_date",
    "mb_intercept_date",
    "mb_mailling",
    "mb_marketing_agree",
)
POST_COLUMNS = reader.POST_COLUMNS


@dataclass
class PostPlan:
    row: dict  # reader.post_values()
    article_id: int
    new: bool = False
    changed: bool = False


@dataclass
class Batch:
    """What one batch of posts writes, worked out before the transaction that writes it."""

    counts: Counter = field(default_factory=Counter)
    now: object = field(default_factory=lambda: _db_now())
    new_articles: list = field(default_factory=list)  # rows of ARTICLE columns
    changed_articles: list = field(default_factory=list)
    view_updates: list = field(default_factory=list)
    tag_links: list = field(default_factory=list)
    new_comments: list = field(default_factory=list)
    changed_comments: list = field(default_factory=list)
    new_marks: list = field(default_factory=list)
    marks_changed: list = field(default_factory=list)
    recount: set = field(default_factory=set)


class UnmappedBoards(Exception):
    def __init__(self, boards, written):
        self.boards = boards
        self.written = written
        super().__init__(", ".join(boards))


@dataclass
class Board:
    table: str
    subject: str
    group_id: str
    group_subject: str
    order: int
    target: str = ""  # a section slug, "new" or "skip"; "" while unmapped
    section_id: int | None = None


@dataclass
class Report:
    out: object = sys.stdout
    counts: Counter = field(default_factory=Counter)
    problems: list = field(default_factory=list)
    missing: list = field(default_factory=list)

    def problem(self, board, source_id, reason):
        self.problems.append((board, source_id, reason))

    def lines(self):
        yield from (f"  {name}: {value:,}" for name, value in sorted(self.counts.items()))
        if self.missing:
            yield f"없는 파일 {len(self.missing):,}개 (본문·첨부에서 빠짐):"
            yield from (f"  {board}/{source_id}: {path}" for board, source_id, path in self.missing[:200])
        if self.problems:
            yield f"옮기지 못한 행 {len(self.problems):,}개:"
            yield from (f"  {board or '-'} {source_id}: {reason}" for board, source_id, reason in self.problems[:200])


@contextlib.contextmanager
def original_times():
    """Let bulk inserts keep the source's dates: auto_now fields would stamp every row with today."""
    fields = [
        Article._meta.get_field("created_at"),
        Article._meta.get_field("updated_at"),
        Consent._meta.get_field("agreed_at"),
    ]
    saved = [(f, f.auto_now, f.auto_now_add) for f in fields]
    for f in fields:
        f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, auto_now, auto_now_add in saved:
            f.auto_now, f.auto_now_add = auto_now, auto_now_add


COMMENT_FIELDS = (
    "id",
    "article_id",
    "author_id",
    "parent_id",
    "reply_to_id",
    "depth",
    "path",
    "text",
    "status",
    "report_count",
    "token",
    "created_at",
)
MARK_FIELDS = (
    "kind",
    "board",
    "source_id",
    "target_id",
    "article_id",
    "fingerprint",
    "count",
    "seo_title",
    "imported_at",
)


@dataclass
class Node:
    """Where a comment sits in its thread: what Comment.place_under and save_path work out, without a model."""

    pk: int
    depth: int
    path: str
    parent: "Node | None"
    reply_to: int | None = None

    @classmethod
    def place(cls, pk, parent):
        """As on the site: a reply to a 5th-level comment joins that level, after its siblings."""
        reply_to = None
        if parent is not None and parent.depth >= MAX_DEPTH:
            parent, reply_to, depth = parent.parent, parent.pk, MAX_DEPTH
        else:
            depth = parent.depth + 1 if parent else 1
        path = (parent.path if parent else "") + f"{pk:0{PATH_STEP}d}"
        return cls(pk, depth, path, parent, reply_to)


def mark_row(kind, board, source_id, target_id, *, article_id=None, fingerprint="", count=0, seo_title="", now=None):
    """A SourceRow as a row of MARK_FIELDS (the order _comments() also writes)."""
    return (
        str(kind.value),
        board,
        str(source_id),
        target_id,
        article_id,
        fingerprint,
        count,
        seo_title,
        now or _db_now(),
    )


def _db_now():
    return connection.ops.adapt_datetimefield_value(timezone.now())


def guest_username(name):
    # A hyphen never appears in a Gnuboard or signup ID, so a guest account can clash with no member.
    return "g5guest-" + hashlib.sha1(name.encode()).hexdigest()[:16]  # noqa: S324 - a name, not a secret


class Importer:
    def __init__(self, source, *, data_dir=None, mapping=None, dry_run=False, out=sys.stdout, batch_size=500):
        self.source = source
        self.data_dir = Path(data_dir) if data_dir else None
        self.mapping = mapping or {}
        self.dry_run = dry_run
        self.out = out
        self.batch_size = batch_size
        self.report = Report(out)
        self.members = {}  # mb_id → user pk
        self.guests = {}  # written name → user pk
        self.tags = {}  # category → tag pk
        self._new_article = None

    # -- boards -------------------------------------------------------------------------------------

    def boards(self):
        groups = {
            row["gr_id"]: row for row in self.source.all(f"SELECT gr_id, gr_subject FROM {self.source.table('group')}")
        }
        rows = self.source.all(
            f"SELECT bo_table, gr_id, bo_subject, bo_order FROM {self.source.table('board')} ORDER BY bo_order, bo_table"
        )
        known = dict(SourceRow.objects.filter(kind=Kind.BOARD).values_list("source_id", "target_id"))
        sections = list(Section.objects.filter(group__kind=Group.Kind.ARTICLES).values_list("id", "slug", "name"))
        by_slug = {slug: pk for pk, slug, _ in sections}
        by_name = defaultdict(list)
        for pk, _, name in sections:
            by_name[name.replace(" ", "")].append(pk)
        result = []
        for row in rows:
            board = Board(
                table=row["bo_table"],
                subject=row["bo_subject"],
                group_id=row["gr_id"],
                group_subject=groups.get(row["gr_id"], {}).get("gr_subject", row["gr_id"]),
                order=row["bo_order"] or 0,
            )
            wanted = str(self.mapping.get(board.table, "")).strip()
            if wanted == "skip":
                board.target = "skip"
            elif wanted == "new":
                board.target = "new"
                board.section_id = known.get(board.table)
            elif wanted:
                if wanted not in by_slug:
                    raise ValidationError(f"매핑 파일의 {board.table} = {wanted!r}: 그런 섹션 주소 이름이 없습니다.")
                board.target, board.section_id = wanted, by_slug[wanted]
            elif board.table in known:
                board.section_id = known[board.table]
                board.target = next((slug for pk, slug, _ in sections if pk == board.section_id), "new")
            else:
                matches = by_name.get(board.subject.replace(" ", ""), []) or (
                    [by_slug[board.table]] if board.table in by_slug else []
                )
                if len(matches) == 1:
                    board.section_id = matches[0]
                    board.target = next(slug for pk, slug, _ in sections if pk == matches[0])
            result.append(board)
        return result

    def write_mapping(self, boards, path):
        slugs = ", ".join(Section.objects.filter(group__kind=Group.Kind.ARTICLES).values_list("slug", flat=True))
        lines = [
            "# 그누보드5 게시판 → 이 사이트의 섹션 (python manage.py import_gnuboard --map 이 파일)",
            '# 값: 섹션 주소 이름, "new" (게시판 이름으로 새 섹션을 만듦), "skip" (옮기지 않음)',
            f"# 섹션 주소 이름: {slugs}",
            "",
            "[boards]",
        ]
        for board in boards:
            lines.append(f'{board.table} = "{board.target}"  # {board.subject} ({board.group_subject})')
        Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")

    def ensure_sections(self, boards):
        """Create the groups and sections that boards mapped to "new" need, once."""
        for board in boards:
            if board.target != "new" or board.section_id:
                continue
            group_row = SourceRow.objects.filter(kind=Kind.GROUP, source_id=board.group_id).first()
            group = Group.objects.filter(pk=group_row.target_id).first() if group_row else None
            if group is None:
                group = Group.objects.filter(name=board.group_subject[:30], kind=Group.Kind.ARTICLES).first()
            if group is None:
                group = Group.objects.create(
                    name=board.group_subject[:30] or board.group_id,
                    slug=self._free_slug(Group, board.group_id),
                    order=Group.objects.count(),
                )
            SourceRow.objects.update_or_create(
                kind=Kind.GROUP, board="", source_id=board.group_id, defaults={"target_id": group.pk}
            )
            section = Section.objects.create(
                group=group,
                name=board.subject[:30] or board.table,
                slug=self._free_slug(Section, board.table),
                order=board.order,
            )
            board.section_id = section.pk
        for board in boards:
            if board.section_id:
                SourceRow.objects.update_or_create(
                    kind=Kind.BOARD, board="", source_id=board.table, defaults={"target_id": board.section_id}
                )

    @staticmethod
    def _free_slug(model, wanted):
        base = re.sub(r"[^a-z0-9_-]+", "-", wanted.lower()).strip("-")[:40] or "gnuboard"
        slug, n = base, 1
        while model.objects.filter(slug=slug).exists():
            n += 1
            slug = f"{base}-{n}"
        return slug

    # -- the whole run ------------------------------------------------------------------------------

    def run(self, map_out=None):
        boards = self.boards()
        unmapped = [board for board in boards if not board.target]
        if unmapped:
            written = map_out or "gnuboard-map.toml"
            self.write_mapping(boards, written)
            if not self.dry_run:
                raise UnmappedBoards([f"{b.table} ({b.subject})" for b in unmapped], written)
            self.out.write(f"섹션이 정해지지 않은 게시판 (매핑 파일 {written} 을 고치세요):\n")
            self.out.write("".join(f"  {b.table} ({b.subject})\n" for b in unmapped))
        if self.dry_run:
            self.dry_run_report([board for board in boards if board.target])
            return self.report
        with original_times():
            self.ensure_sections(boards)
            self.import_members()
            for board in boards:
                if board.target == "skip":
                    self.report.counts[f"건너뛴 게시판 {board.table} 게시글"] += self._count_posts(board)
                    continue
                self.import_posts(board)
                self.import_files(board)
            self.import_visits()
            self.refresh_statistics()
        return self.report

    @staticmethod
    def refresh_statistics():
        """ANALYZE the tables the import fills (PostgreSQL), so that their statistics say what is there.

        Every batch looks its rows up among those imported before (SourceRow by thousands of source ids);
        planned from the statistics of an empty table, as they stay after a bulk load until autovacuum
        samples it, that lookup scanned all of them: a second run over 200,000 posts took 110 s, against
        3.4 s over 20,000. Sampling takes well under a second."""
        if connection.vendor != "postgresql":
            return
        tables = (SourceRow, Article, Comment, User)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE " + ", ".join(connection.ops.quote_name(m._meta.db_table) for m in tables))

    def _count_posts(self, board):
        return self.source.value(f"SELECT COUNT(*) FROM {self.source.write_table(board.table)} WHERE wr_is_comment = 0")

    # -- dry run ------------------------------------------------------------------------------------

    def dry_run_report(self, boards):
        out = self.out
        out.write("== 미리보기 (--dry-run): 아무것도 쓰지 않습니다\n")
        for board in boards:
            table = self.source.write_table(board.table)
            row = self.source.all(
                f"SELECT SUM(wr_is_comment = 0) AS posts, SUM(wr_is_comment = 1) AS comments, "
                f"SUM(wr_is_comment = 0 AND FIND_IN_SET('secret', wr_option)) AS secret FROM {table}"
            )[0]
            done = SourceRow.objects.filter(board=board.table, kind=Kind.POST).count()
            out.write(
                f"{board.table} ({board.subject}) → {board.target}: 게시글 {int(row['posts'] or 0):,} "
                f"(비밀글 {int(row['secret'] or 0):,}), 댓글 {int(row['comments'] or 0):,}, 이미 옮김 {done:,}\n"
            )
            if board.target != "skip":
                self._check_files(board)
        members = self.source.all(f"SELECT mb_id, mb_email FROM {self.source.table('member')}")
        imported = set(SourceRow.objects.filter(kind=Kind.MEMBER).values_list("source_id", flat=True))
        ids = [m["mb_id"] for m in members if m["mb_id"] not in imported]
        clashes = []
        for start in range(0, len(ids), 1000):
            clashes += User.objects.filter(username__in=ids[start : start + 1000]).values_list("username", flat=True)
        out.write(f"회원 {len(members):,} (이미 옮김 {len(imported):,})\n")
        if clashes:
            out.write(
                f"이 사이트에 이미 있는 아이디 {len(clashes):,}개 (이메일이 같으면 그 계정에 잇고, 다르면 건너뜀):\n"
            )
            out.write("".join(f"  {username}\n" for username in clashes))
        visits = self.source.value(f"SELECT COUNT(*) FROM {self.source.table('visit_sum')}") or 0
        out.write(f"방문자 합계 {visits:,}일\n")
        for line in self.report.lines():
            out.write(line + "\n")

    def _check_files(self, board):
        if self.data_dir is None:
            return
        for row in self.source.all(
            f"SELECT wr_id, bf_file FROM {self.source.table('board_file')} WHERE bo_table = %s AND bf_file <> ''",
            [board.table],
        ):
            if self._data_path("file", board.table, row["bf_file"]) is None:
                self.report.missing.append((board.table, row["wr_id"], f"file/{board.table}/{row['bf_file']}"))
        for rows in self.source.stream(
            f"SELECT wr_id, wr_content FROM {self.source.write_table(board.table)} "
            "WHERE wr_is_comment = 0 AND wr_content LIKE '%%/data/editor/%%'"
        ):
            for row in rows:
                for match in convert.EDITOR_IMAGE.finditer(row["wr_content"]):
                    if not self._editor_path(match.group(3)):
                        self.report.missing.append((board.table, row["wr_id"], "editor/" + match.group(3)))

    # -- members ------------------------------------------------------------------------------------

    def import_members(self):
        table = "member"
        marketing = self.source.optional(table, "mb_marketing_agree", "0")
        marketing_date = self.source.optional(table, "mb_marketing_date", "NULL")
        total = self.source.value(f"SELECT COUNT(*) FROM {self.source.table(table)}")
        progress = Progress("회원", self.out)
        progress.start(total)
        known = {
            row[0]: (row[1], row[2])
            for row in SourceRow.objects.filter(kind=Kind.MEMBER).values_list("source_id", "target_id", "fingerprint")
        }
        self.members = {mb_id: pk for mb_id, (pk, _) in known.items()}
        roles = {name: Role.objects.get_or_create(name=name)[0] for name in settings.GNUBOARD_LEVEL_ROLES}
        sql = (
            f"SELECT mb_no, mb_id, mb_password, mb_name, mb_nick, mb_email, mb_level, mb_datetime, mb_today_login, "
            f"mb_leave_date, mb_intercept_date, mb_mailling, mb_mailling_date, {marketing}, {marketing_date} "
            f"FROM {self.source.table(table)} ORDER BY mb_no"
        )
        for rows in self.source.stream(sql, size=1000):
            with transaction.atomic():
                self._member_batch(rows, known, roles)
            progress.add(len(rows))
        progress.finish()

    def _role(self, level):
        chosen = None
        for name, lowest in sorted(settings.GNUBOARD_LEVEL_ROLES.items(), key=lambda item: item[1]):
            if (level or 0) >= lowest:
                chosen = name
        return chosen

    def _member_batch(self, rows, known, roles):
        ids = [row["mb_id"] for row in rows]
        existing = {u.username: u for u in User.objects.filter(username__in=ids)}
        emails = {(row["mb_email"] or "").strip().lower() for row in rows} - {""}
        taken_emails = dict(User.objects.annotate(low=Lower("email")).filter(low__in=emails).values_list("low", "pk"))
        nicks = {(row["mb_nick"] or "").strip() for row in rows}
        taken_nicks = dict(User.objects.filter(nickname__in=nicks).values_list("nickname", "pk"))
        reserved = {name.lower() for name in settings.ACCOUNTS_RESERVED_NAMES}
        new_users, updated, rows_by_user = [], [], {}
        for row in rows:
            mb_id = row["mb_id"]
            print_ = convert.fingerprint(*(row[key] for key in MEMBER_FINGERPRINT))
            if mb_id in known and known[mb_id][1] == print_:
                self.report.counts["회원: 바뀌지 않음"] += 1
                continue
            user = existing.get(mb_id)
            if mb_id not in known and user is not None:
                email = (row["mb_email"] or "").strip().lower()
                if email and user.email.lower() == email:
                    # The same person already has an account here (often the site's own admin): link, keep it.
                    self.members[mb_id] = user.pk
                    SourceRow.objects.create(kind=Kind.MEMBER, source_id=mb_id, target_id=user.pk, fingerprint=print_)
                    self.report.counts["회원: 이미 있는 계정에 연결"] += 1
                else:
                    self.report.problem("", mb_id, "이 사이트에 같은 아이디가 있어 건너뜀 (글은 작성자 이름으로 옮김)")
                continue
            if user is None:
                user = User(username=mb_id)
            self._fill_member(user, row, taken_emails, taken_nicks, reserved)
            (updated if user.pk else new_users).append(user)
            rows_by_user[id(user)] = (row, print_)
        User.objects.bulk_create(new_users, batch_size=1000)
        if updated:
            User.objects.bulk_update(
                updated,
                ["password", "first_name", "last_name", "email", "nickname", "is_active", "is_staff", "withdrawn_at"],
            )
        links, consents, marks = [], [], []
        for user in new_users + updated:
            row, print_ = rows_by_user[id(user)]
            self.members[row["mb_id"]] = user.pk
            role = self._role(row["mb_level"])
            if role and not user.withdrawn_at:
                links.append(User.groups.through(user_id=user.pk, group_id=roles[role].pk))
            if row["mb_id"] not in known:
                consents += self._consents(user, row)
                marks.append(SourceRow(kind=Kind.MEMBER, source_id=row["mb_id"], target_id=user.pk, fingerprint=print_))
            else:
                SourceRow.objects.filter(kind=Kind.MEMBER, source_id=row["mb_id"]).update(fingerprint=print_)
        User.groups.through.objects.bulk_create(links, ignore_conflicts=True)
        Consent.objects.bulk_create(consents, batch_size=1000)
        SourceRow.objects.bulk_create(marks, batch_size=1000)
        self.report.counts["회원: 새로 옮김"] += len(new_users)
        self.report.counts["회원: 고침"] += len(updated)

    def _fill_member(self, user, row, taken_emails, taken_nicks, reserved):
        joined = convert.kst(row["mb_datetime"], timezone.now())
        user.date_joined = joined
        user.last_login = convert.kst(row["mb_today_login"])
        # Keep a password the member already changed (or had upgraded) here; otherwise the one from Gnuboard.
        if not user.pk or not user.password or user.password.startswith("gnuboard_"):
            encoded = encoded_from_gnuboard(row["mb_password"])
            if encoded:
                user.password = encoded
            else:
                user.set_unusable_password()
        role = self._role(row["mb_level"])
        user.is_staff = bool(role)
        name = (row["mb_name"] or "").strip()
        # Members show their nickname; the real name is kept only for newsroom staff, whose bylines need it.
        user.last_name, user.first_name = (name[:1], name[1:150]) if role else ("", "")
        email = (row["mb_email"] or "").strip()
        owner = taken_emails.get(email.lower())
        if email and owner not in (None, user.pk):
            self.report.problem("", row["mb_id"], f"이메일 {email} 을 다른 회원이 쓰고 있어 비워 둠")
            email = ""
        user.email = email[:254]
        if email:
            taken_emails[email.lower()] = user.pk or -1
        nick = (row["mb_nick"] or "").strip()
        owner = taken_nicks.get(nick)
        if nick and (len(nick) > NICKNAME_MAX or owner not in (None, user.pk) or nick.lower() in reserved):
            self.report.problem(
                "", row["mb_id"], f"닉네임 {nick!r} 을 쓸 수 없어 비워 둠 (중복, 예약어 또는 12자 초과)"
            )
            nick = ""
        user.nickname = nick or None
        if nick:
            taken_nicks[nick] = user.pk or -1
        user.is_active = not row["mb_intercept_date"]
        if row["mb_intercept_date"]:
            self.report.counts["회원: 차단 상태로 옮김"] += 1
        left = convert.ymd(row["mb_leave_date"])
        user.withdrawn_at = left
        if left:
            # As 회원탈퇴 here leaves it: no login, no personal data, the ID stays taken.
            user.first_name = user.last_name = user.email = ""
            user.nickname = None
            user.is_active = user.is_staff = False
            user.set_unusable_password()
            self.report.counts["회원: 탈퇴 상태로 옮김"] += 1

    def _consents(self, user, row):
        agreed = convert.kst(row["mb_datetime"], timezone.now())
        consents = [
            Consent(user_id=user.pk, kind=kind, version=IMPORTED_CONSENT_VERSION, agreed_at=agreed)
            for kind in (Consent.Kind.TERMS, Consent.Kind.PRIVACY)
        ]
        if (row["mb_mailling"] or row["mb_marketing_agree"]) and not user.withdrawn_at:
            when = convert.kst(row["mb_marketing_date"]) or convert.kst(row["mb_mailling_date"]) or agreed
            consents.append(
                Consent(user_id=user.pk, kind=Consent.Kind.MARKETING, version=IMPORTED_CONSENT_VERSION, agreed_at=when)
            )
        return consents

    # -- authors and categories ---------------------------------------------------------------------

    def _load_guests(self):
        if not self.guests:
            self.guests = dict(SourceRow.objects.filter(kind=Kind.GUEST).values_list("source_id", "target_id"))

    def ensure_guests(self, names):
        """Posts and comments by people who were not members keep their written name on a login-less account."""
        self._load_guests()
        names = {name for name in names if name not in self.guests}
        if not names:
            return
        accounts = {}
        for name in names:
            username = guest_username(name)
            accounts[username] = User(username=username, first_name=name[:150], is_active=False)
            accounts[username].set_unusable_password()
        found = dict(User.objects.filter(username__in=accounts).values_list("username", "pk"))
        User.objects.bulk_create([user for username, user in accounts.items() if username not in found])
        found = dict(User.objects.filter(username__in=accounts).values_list("username", "pk"))
        marks = []
        for name in names:
            self.guests[name] = found[guest_username(name)]
            marks.append(SourceRow(kind=Kind.GUEST, source_id=name, target_id=self.guests[name]))
        SourceRow.objects.bulk_create(marks)

    def author(self, row):
        """The member who wrote a post or comment (reader's values), or the account carrying the written name."""
        if row["mb_id"] in self.members:
            return self.members[row["mb_id"]]
        return self.guests[row["name"]]

    def tag_id(self, name):
        if name not in self.tags:
            self.tags[name] = Tag.objects.get_or_create(name=name)[0].pk
        return self.tags[name]

    # -- posts and comments -------------------------------------------------------------------------

    def import_posts(self, board):
        """Posts and comments in batches. On PostgreSQL (outside a transaction) a second thread writes one
        batch while this one works out the next, and a big board is read (and its bodies sanitised) in a
        process of its own (gnuboard.reader): reading, working out and writing overlap on the two cores."""
        total = self._count_posts(board)
        self.refresh_statistics()  # what an earlier run (or the members stage) wrote
        threaded = connection.vendor == "postgresql" and not connection.in_atomic_block
        progress = Progress(f"게시판 {board.table} 게시글", self.out)
        progress.start(total)
        pending = None
        source = reader.batches(
            self.source.url, self.source.prefix, board.table, self.batch_size, separate=total > self.batch_size
        )
        with (
            contextlib.closing(source) as batches,
            ThreadPoolExecutor(max_workers=1) if threaded else contextlib.nullcontext() as writer,
        ):
            for posts, comments in batches:
                try:
                    batch = self._prepare(board, posts, comments)
                except (DatabaseError, ValueError, ValidationError):
                    batch = None
                if pending:
                    self._settle(board, *pending, progress)
                if batch is None:
                    pending = (None, posts, comments)
                elif threaded:
                    pending = (writer.submit(self._write_in_thread, batch), posts, comments)
                else:
                    pending = (self._write_here(batch), posts, comments)
            if pending:
                self._settle(board, *pending, progress)
            if threaded:
                writer.submit(connections.close_all).result()
        progress.finish()

    def _write_here(self, batch):
        future = Future()
        try:
            with transaction.atomic():
                self._write(batch)
            future.set_result(batch)
        except (DatabaseError, ValueError, ValidationError) as error:
            future.set_exception(error)
        return future

    def _write_in_thread(self, batch):
        with transaction.atomic():
            self._write(batch)
        return batch

    def _settle(self, board, future, posts, comments, progress):
        """Count a written batch; a batch that failed is done again post by post, reporting the bad ones."""
        try:
            if future is None:
                raise ValueError("batch could not be prepared")
            batch = future.result()
            self._count(board, batch)
        except (DatabaseError, ValueError, ValidationError):
            by_parent = defaultdict(list)
            for comment in comments:
                by_parent[comment["wr_parent"]].append(comment)
            for post in posts:
                try:
                    with transaction.atomic():
                        batch = self._prepare(board, [post], by_parent[post["wr_id"]])
                        self._write(batch)
                    self._count(board, batch)
                except (DatabaseError, ValueError, ValidationError) as error:
                    self.report.problem(board.table, post["wr_id"], f"게시글을 옮기지 못함: {error}")
        progress.add(len(posts))

    def _count(self, board, batch):
        for name, value in batch.counts.items():
            self.report.counts[f"{board.table} {name}"] += value

    def _prepare(self, board, posts, comments):
        """Everything a batch will write, worked out from the source rows and what was imported before."""
        batch = Batch()
        keys = [str(row["wr_id"]) for row in posts + comments]
        marks = SourceRow.objects.filter(board=board.table, kind__in=[Kind.POST, Kind.COMMENT])
        if connection.vendor == "postgresql":  # one array parameter, not thousands (their handling cost more)
            marks = marks.extra(where=["source_id = ANY(%s)"], params=[keys])  # noqa: S610 - no input in the SQL
        else:
            marks = marks.filter(source_id__in=keys)
        known = {(mark.kind, mark.source_id): mark for mark in marks}
        self.ensure_guests({row["name"] for row in posts + comments if row["mb_id"] not in self.members})
        by_parent = defaultdict(list)
        for comment in comments:
            by_parent[comment["wr_parent"]].append(comment)

        plans = []
        fresh = [row for row in posts if (Kind.POST, str(row["wr_id"])) not in known and not row["secret"]]
        article_ids = iter(allocate_ids(Article, len(fresh)))
        for row in posts:
            if row["secret"]:
                batch.counts["비밀글이라 건너뜀"] += 1
                continue
            mark = known.get((Kind.POST, str(row["wr_id"])))
            print_ = row["fingerprint"]
            hits = row["hits"]
            if mark and hits != mark.count:
                # Views counted on the old site since the last run are added to those counted here.
                batch.view_updates.append((mark.target_id, hits - mark.count))
                mark.count = hits
                batch.marks_changed.append(mark)
            if mark and mark.fingerprint == print_:
                plans.append(PostPlan(row, mark.target_id))
                batch.counts["게시글: 바뀌지 않음"] += 1
                continue
            values = self._article(board, row)
            if mark:
                batch.changed_articles.append(Article(pk=mark.target_id, **values))
                mark.fingerprint = print_
                mark.seo_title = row["seo_title"]
                if mark not in batch.marks_changed:
                    batch.marks_changed.append(mark)
                plan = PostPlan(row, mark.target_id, changed=True)
            else:
                plan = PostPlan(row, next(article_ids), new=True)
                values["comment_count"] = sum(not c["secret"] for c in by_parent[row["wr_id"]])
                batch.new_articles.append(self._article_row(plan.article_id, values))
                batch.new_marks.append(
                    mark_row(
                        Kind.POST,
                        board.table,
                        row["wr_id"],
                        plan.article_id,
                        fingerprint=print_,
                        count=hits,
                        seo_title=row["seo_title"],
                        now=batch.now,
                    )
                )
            plans.append(plan)
            if row["category"]:
                batch.tag_links.append((plan.article_id, self.tag_id(row["category"])))
        batch.counts["게시글: 새로 옮김"] += len(batch.new_articles)
        batch.counts["게시글: 고침"] += len(batch.changed_articles)
        self._comments(board, plans, by_parent, known, batch)
        return batch

    def _write(self, batch):
        """One batch's writes; the caller holds the transaction.

        On PostgreSQL the search trigger is off for this transaction only (other sessions' articles are
        indexed by it as always) and the batch's new and edited articles are indexed at the end in one go,
        their search rows computed here by search.index."""
        indexed = [row[0] for row in batch.new_articles] + [article.pk for article in batch.changed_articles]
        bulk_index = connection.vendor == "postgresql" and bool(indexed)
        if bulk_index:
            set_trigger_off()
        insert_rows(Article._meta.db_table, self._article_columns()[0], batch.new_articles)
        if batch.changed_articles:
            Article.objects.bulk_update(
                batch.changed_articles,
                ["title", "body", "byline", "reporter", "published_at", "created_at", "updated_at"],
            )
            Article.tags.through.objects.filter(article_id__in=[a.pk for a in batch.changed_articles]).delete()
        for article_id, added in batch.view_updates:
            Article.objects.filter(pk=article_id).update(view_count=F("view_count") + added)
        insert_rows(Article.tags.through._meta.db_table, ("article_id", "tag_id"), batch.tag_links)
        insert_rows(Comment._meta.db_table, COMMENT_FIELDS, batch.new_comments)
        if batch.changed_comments:
            Comment.objects.bulk_update(batch.changed_comments, ["text", "status"])
        insert_rows(SourceRow._meta.db_table, MARK_FIELDS, batch.new_marks)
        if batch.marks_changed:
            SourceRow.objects.bulk_update(batch.marks_changed, ["fingerprint", "count", "seo_title"])
        if batch.recount:
            visible = dict(
                Comment.objects.filter(article_id__in=batch.recount)
                .visible()
                .order_by()
                .values("article_id")
                .annotate(n=Count("id"))
                .values_list("article_id", "n")
            )
            for article_id in batch.recount:
                Article.objects.filter(pk=article_id).update(comment_count=visible.get(article_id, 0))
        if bulk_index:
            index_articles(indexed)
            set_trigger_off(False)

    def _article(self, board, row):
        """An imported post's article fields (the reader's values; the body is already sanitised)."""
        return {
            "section_id": board.section_id,
            "title": row["title"],
            "body": row["body"],
            "reporter_id": self.author(row),
            "byline": row["name"][:60],
            "status": Article.Status.PUBLISHED.value,
            "published_at": row["published"],
            "created_at": row["published"],
            "updated_at": row["published"],
            "view_count": row["hits"],
        }

    def _article_columns(self):
        """Articles' columns and a new article's values for them (its fields' defaults), worked out once."""
        if self._new_article is None:
            self._new_article = new_row_values(Article)
        return self._new_article

    def _article_row(self, pk, values):
        """A new article as a row of _article_columns(), ready for insert_rows."""
        columns, defaults = self._article_columns()
        adapt = connection.ops.adapt_datetimefield_value
        row = dict(defaults, id=pk)
        row.update(values)  # _article()'s names are the columns'
        for name in ("published_at", "created_at", "updated_at"):
            row[name] = adapt(row[name])
        return tuple(row[column] for column in columns)

    def _comments(self, board, plans, by_parent, known, batch):
        """New comments in Gnuboard's display order, edited ones, and the articles to recount, into the batch.

        Ids are taken first and given out in display order, so siblings sort as Gnuboard showed them and
        each comment's path (its ancestors' ids) is complete when the row is written. Rows are written as
        plain tuples: building a model object per comment cost more than the rest of the import together.
        """
        comment_kind = Kind.COMMENT.value
        hidden, visible = Comment.Status.HIDDEN.value, Comment.Status.VISIBLE.value  # plain text copies fastest
        # Only posts with a new or edited comment are worked on (a later run mostly finds none).
        touched, fresh, wanted = [], 0, []
        for plan in plans:
            rows = by_parent.get(plan.row["wr_id"], [])
            marks = [known.get((comment_kind, str(row["wr_id"]))) for row in rows] if known else [None] * len(rows)
            new = marks.count(None)
            if new or any(
                mark.fingerprint != row["fingerprint"] for mark, row in zip(marks, rows, strict=True) if mark
            ):
                touched.append((plan, rows, marks))
                fresh += new
                wanted += [mark.target_id for mark in marks if mark]
        existing = {}
        for start in range(0, len(wanted), 1000):
            for comment in Comment.objects.filter(pk__in=wanted[start : start + 1000]).select_related("parent"):
                parent = comment.parent
                parent_node = Node(parent.pk, parent.depth, parent.path, None) if parent else None
                existing[comment.pk] = (comment, Node(comment.pk, comment.depth, comment.path, parent_node))
        ids = iter(allocate_ids(Comment, fresh))
        recount, new_comments, changed = batch.recount, batch.new_comments, batch.changed_comments
        new_marks, marks_changed = batch.new_marks, batch.marks_changed
        adapt = connection.ops.adapt_datetimefield_value
        for plan, rows, marks in touched:
            placed = {}  # (wr_comment, reply code) → Node
            for row, mark in zip(rows, marks, strict=True):  # in display order (the reader sorted them)
                key = (row["group"], row["reply"])
                status = hidden if row["secret"] else visible
                if mark:
                    if mark.target_id not in existing:  # deleted here since the last run: it stays deleted
                        continue
                    comment, placed[key] = existing[mark.target_id]
                    if mark.fingerprint != row["fingerprint"]:
                        comment.text, comment.status = row["text"], status
                        changed.append(comment)
                        mark.fingerprint = row["fingerprint"]
                        marks_changed.append(mark)
                        recount.add(plan.article_id)
                    continue
                parent = None
                for code in convert.parent_code(key[1]) if key[1] else []:
                    parent = placed.get((key[0], code))
                    if parent is not None:
                        break
                node = Node.place(next(ids), parent)
                placed[key] = node
                new_comments.append(
                    (
                        node.pk,
                        plan.article_id,
                        self.author(row),
                        node.parent.pk if node.parent else None,
                        node.reply_to,
                        node.depth,
                        node.path,
                        row["text"],
                        status,
                        0,
                        "",
                        adapt(row["created"]),
                    )
                )
                new_marks.append(
                    (
                        comment_kind,
                        board.table,
                        str(row["wr_id"]),
                        node.pk,
                        plan.article_id,
                        row["fingerprint"],
                        0,
                        "",
                        batch.now,
                    )
                )
                if not plan.new:
                    recount.add(plan.article_id)
        batch.counts["댓글: 새로 옮김"] += len(new_comments)
        batch.counts["댓글: 고침"] += len(changed)

    # -- attachments and editor images --------------------------------------------------------------

    def _editor_path(self, relative):
        return self._data_path("editor", relative)

    def _data_path(self, folder, *parts):
        """A file under data/<folder>/, or None when missing; names from the database never lead outside it."""
        if self.data_dir is None:
            return None
        base = (self.data_dir / folder).resolve()
        path = base.joinpath(*parts).resolve()
        return path if path.is_file() and base in path.parents else None

    def import_files(self, board):
        """Attachments and editor images of the board's posts, copied into the media with renditions made once."""
        table = self.source.write_table(board.table)
        seo = self.source.optional(f"write_{board.table}", "wr_seo_title")
        total = self.source.value(
            f"SELECT COUNT(*) FROM {table} WHERE wr_is_comment = 0 AND (wr_file > 0 OR wr_content LIKE %s)",
            ["%/data/editor/%"],
        )
        if not total:
            return
        progress = Progress(f"게시판 {board.table} 파일", self.out)
        progress.start(total)
        sql = (
            f"SELECT {POST_COLUMNS}, {seo} FROM {table} WHERE wr_is_comment = 0 "
            "AND (wr_file > 0 OR wr_content LIKE %s) ORDER BY wr_id"
        )
        for posts in self.source.stream(sql, ["%/data/editor/%"], size=100):
            keys = [str(post["wr_id"]) for post in posts]
            marks = {
                (row.kind, row.source_id): row
                for row in SourceRow.objects.filter(
                    board=board.table, kind__in=[Kind.POST, Kind.FILES], source_id__in=keys
                )
            }
            files = defaultdict(list)
            for row in self.source.all(
                f"SELECT wr_id, bf_no, bf_source, bf_file, bf_content FROM {self.source.table('board_file')} "
                "WHERE bo_table = %s AND wr_id IN %s AND bf_file <> '' ORDER BY wr_id, bf_no",
                [board.table, [post["wr_id"] for post in posts]],
            ):
                files[row["wr_id"]].append(row)
            for post in posts:
                post_mark = marks.get((Kind.POST, str(post["wr_id"])))
                if post_mark is None:
                    continue  # secret, or failed to import
                wanted = convert.fingerprint(
                    post_mark.fingerprint, [(f["bf_no"], f["bf_file"]) for f in files[post["wr_id"]]]
                )
                done = marks.get((Kind.FILES, str(post["wr_id"])))
                if done and done.fingerprint == wanted:
                    continue
                try:
                    with transaction.atomic():
                        self._post_files(board, post, post_mark.target_id, files[post["wr_id"]])
                        SourceRow.objects.update_or_create(
                            kind=Kind.FILES,
                            board=board.table,
                            source_id=str(post["wr_id"]),
                            defaults={"target_id": post_mark.target_id, "fingerprint": wanted},
                        )
                except (OSError, DatabaseError, ValidationError) as error:
                    self.report.problem(board.table, post["wr_id"], f"파일을 옮기지 못함: {error}")
            progress.add(len(posts))
        progress.finish()

    def _post_files(self, board, post, article_id, attachments):
        article = Article.objects.only("id", "title", "photo", "photo_renditions").get(pk=article_id)
        photo = None
        images_html, links_html = [], []
        for row in attachments:
            path = self._data_path("file", board.table, row["bf_file"])
            if path is None:
                self.report.missing.append((board.table, post["wr_id"], f"file/{board.table}/{row['bf_file']}"))
                continue
            extension = PurePosixPath(row["bf_source"] or row["bf_file"]).suffix.lower().lstrip(".")
            if extension not in ATTACHMENT_EXTENSIONS:
                self.report.problem(board.table, post["wr_id"], f"첨부 {row['bf_source']}: 옮기지 않는 파일 형식")
                continue
            with path.open("rb") as handle:
                try:
                    validate_image(File(handle, name=path.name))
                    is_image = True
                except ValidationError:
                    is_image = False
                if is_image and photo is None and not article.photo:
                    name = default_storage.save(
                        f"articles/gnuboard/{board.table}/{post['wr_id']}-{path.stem[:40]}{path.suffix.lower()}",
                        File(handle),
                    )
                    photo = (name, (row["bf_content"] or "").strip()[:200] or article.title[:200])
                elif is_image:
                    urls = save_editor_upload(File(handle, name=path.name), default_storage)
                    images_html.append(_figure(urls, row["bf_content"] or ""))
                else:
                    safe = re.sub(r"[^0-9A-Za-z가-힣._-]+", "_", row["bf_source"] or path.name)[-80:]
                    name = default_storage.save(f"gnuboard/files/{board.table}/{post['wr_id']}/{safe}", File(handle))
                    links_html.append(
                        f'<li><a href="{default_storage.url(name)}">{_escape(row["bf_source"] or safe)}</a></li>'
                    )
        body = convert.post_html(post)
        first_editor_image = photo is None and not article.photo

        def replace(match):
            nonlocal photo, first_editor_image
            path = self._editor_path(match.group(3))
            if path is None:
                self.report.missing.append((board.table, post["wr_id"], "editor/" + match.group(3)))
                return match.group(0)
            with path.open("rb") as handle:
                if first_editor_image:
                    validate_image(File(handle, name=path.name))
                    first_editor_image = False
                    name = default_storage.save(
                        f"articles/gnuboard/{board.table}/{post['wr_id']}-{path.stem[:40]}{path.suffix.lower()}",
                        File(handle),
                    )
                    photo = (name, article.title[:200])
                    return '<img data-gnuboard-photo src=""'
                urls = save_editor_upload(File(handle, name=path.name), default_storage)
            srcset = ", ".join(f"{url} {width}w" for width, url in urls.items() if width != "default")
            return f'{match.group(1)}{urls["default"]}" srcset="{srcset}'

        body = convert.EDITOR_IMAGE.sub(replace, body)
        # The lead photo is shown above the body: its place in the body goes.
        body = re.sub(r"<img data-gnuboard-photo[^>]*>", "", body)
        body = "".join(images_html) + body
        if links_html:
            body += "<p>첨부파일</p><ul>" + "".join(links_html) + "</ul>"
        fields = {"body": sanitize_html(body)}
        if photo:
            article.photo.name = photo[0]
            fields.update(
                photo=photo[0],
                photo_alt=photo[1],
                photo_renditions={"source": photo[0], **make_renditions(article.photo)},
            )
        Article.objects.filter(pk=article_id).update(**fields)
        self.report.counts["파일을 옮긴 게시글"] += 1

    # -- visitor totals -----------------------------------------------------------------------------

    def import_visits(self):
        rows = self.source.all(f"SELECT vs_date, vs_count FROM {self.source.table('visit_sum')} ORDER BY vs_date")
        progress = Progress("방문자 합계", self.out)
        progress.start(len(rows))
        known = {row.source_id: row for row in SourceRow.objects.filter(kind=Kind.VISITS)}
        with transaction.atomic():
            days = {
                str(d.day): d
                for d in DailyVisits.objects.select_for_update().filter(
                    day__in=[r["vs_date"] for r in rows if r["vs_date"]]
                )
            }
            creates, marks = [], []
            for row in rows:
                if not row["vs_date"] or not hasattr(row["vs_date"], "isoformat"):
                    continue
                day, count = str(row["vs_date"]), row["vs_count"] or 0
                mark = known.get(day)
                added = count - (mark.count if mark else 0)
                if added and day in days:
                    # Visits counted here on the same day stay; the old site's are added to them.
                    DailyVisits.objects.filter(day=row["vs_date"]).update(visits=F("visits") + added)
                elif added:
                    creates.append(DailyVisits(day=row["vs_date"], visits=added))
                if mark is None:
                    marks.append(SourceRow(kind=Kind.VISITS, source_id=day, target_id=0, count=count))
                elif added:
                    mark.count = count
                    mark.save(update_fields=["count"])
            DailyVisits.objects.bulk_create(creates)
            SourceRow.objects.bulk_create(marks)
        progress.add(len(rows))
        progress.finish()
        self.report.counts["방문자 합계: 날짜"] += len(rows)


def _escape(text):
    from django.utils.html import escape

    return escape(text)


def _figure(urls, caption):
    srcset = ", ".join(f"{url} {width}w" for width, url in urls.items() if width != "default")
    alt = _escape(caption.strip()[:200])
    figcaption = f"<figcaption>{alt}</figcaption>" if caption.strip() else ""
    return f'<figure class="image"><img src="{urls["default"]}" srcset="{srcset}" alt="{alt}">{figcaption}</figure>'


def load_mapping(path):
    """--map file: [boards] bo_table = "section-slug" | "new" | "skip"."""
    with open(path, "rb") as handle:
        data = tomllib.load(handle)
    boards = data.get("boards", data)
    return {str(key): str(value) for key, value in boards.items() if str(value).strip()}
