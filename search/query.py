"""Turning what a reader typed into search terms, and the terms into a page of articles.

Every term must appear (AND); "quoted words" stay one phrase. A term matches
as a substring, so 경제 finds 지역경제 and 경제를; a particle typed after a
word is dropped (지역경제를 → 지역경제), which only widens what matches. The
byline and the reporters' names are searched with the text (김파주 finds the
articles of that reporter). See docs/search.md for how PostgreSQL answers
this at a million articles; SQLite scans every row (fine for the demo).
"""

import datetime
import re
from functools import cached_property

from django.contrib.auth import get_user_model
from django.db import connections, transaction
from django.db.models import BooleanField, Case, Exists, F, Func, OuterRef, Q, TextField, Value, When
from django.db.models.functions import Concat
from django.utils import timezone

from articles.models import Article, Byline
from directory.models import Listing

from .index import TITLE_MARK, space_pairs, word_pairs

MIN_LENGTH = 2
MAX_TERMS = 6
MAX_TERM_LENGTH = 50
# Past this many matches the page says "1,000건 이상" (and offers 1,000 results): a search
# collects at most COUNT_CAP + 1 matches, the newest, and every page is cut from them.
COUNT_CAP = 1000
# PostgreSQL looks for the newest matches in windows of publication time, newest first: the
# first spans this long, each next one is sized from the matches found so far, and after
# MAX_WINDOWS - 1 of them the last takes everything older.
FIRST_WINDOW = datetime.timedelta(days=7)
MAX_WINDOWS = 6
FOREVER = datetime.timedelta(days=365 * 100)
# A term with fewer than need / RARE_SHARE matches in the first window may be rare: its older matches
# are fetched in one scan of the GIN index when there are fewer than need.
RARE_SHARE = 20
RELEVANCE, LATEST = "relevance", "latest"
ORDERS = {RELEVANCE: "정확도순", LATEST: "최신순"}

_TERM = re.compile(r'"([^"]*)"|(\S+)')
# Particles (조사) a reader may type after a word, longest first. One-syllable
# ones that often end a noun (도 of 경기도, 만 of 10만) are left alone.
_PARTICLES = re.compile(
    r"(?<=[가-힣])(에서는|에서도|으로는|으로서|으로써|에게서|이라고|에서|에게|께서|으로|이나|까지|부터|처럼|보다"
    r"|이라|라고|하고|과는|와는|은|는|이|가|을|를|의|에|와|과|로)$"
)


def strip_particle(term):
    """지역경제를 → 지역경제; leaves the term alone when less than two characters would remain."""
    stem = _PARTICLES.sub("", term)
    return stem if len(stem) >= MIN_LENGTH and " " not in term else term


def parse_terms(query):
    """The distinct terms of a query: phrases in quotes, other words split on spaces, particles dropped.

    One-character terms (and phrases of one-character words) are dropped: they
    would match almost everything.
    """
    terms = []
    for phrase, word in _TERM.findall(query or ""):
        term = " ".join((phrase or word).split())[:MAX_TERM_LENGTH]
        term = strip_particle(term) if word else term
        if term not in terms and any(len(piece) >= MIN_LENGTH for piece in term.split()):
            terms.append(term)
    return terms[:MAX_TERMS]


def like_pattern(term):
    """`%term%` with the LIKE wildcards and the escape character in the term taken literally."""
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class SearchDocument(Func):
    """search_document(title, subtitle, summary, body) on SQLite: a Python function (apps.py) per row."""

    function = "search_document"
    output_field = TextField()

    def __init__(self):
        super().__init__(F("title"), F("subtitle"), F("summary"), F("body"))


class Contains(Func):
    """`text LIKE pattern` with backslash escapes (SQLite's LIKE ignores ASCII case)."""

    output_field = BooleanField()
    arg_joiner = " LIKE "
    template = "(%(expressions)s ESCAPE '\\')"


def _full_name(prefix=""):
    return Concat(F(f"{prefix}last_name"), F(f"{prefix}first_name"), Value(" 기자"), output_field=TextField())


class ArticleSearch:
    """The published articles with every term: counted once (up to COUNT_CAP), sliced into pages of rows.

    `search[10:25]` loads those 15 articles by primary key, in order: what
    Django's Paginator asks of an object list.
    """

    def __init__(self, terms, *, sections=None, start=None, end=None, order=RELEVANCE, using="default"):
        self.terms = [term.lower() for term in terms]
        self.sections = sections
        self.start, self.end = start, end
        self.order = order if order in ORDERS else RELEVANCE
        self.using = using
        self.now = timezone.now()
        self.postgresql = connections[using].vendor == "postgresql"

    def count(self):
        return min(len(self._first), COUNT_CAP)

    @property
    def capped(self):
        return len(self._first) > COUNT_CAP

    def __getitem__(self, window):
        ids = self._ids(window.start or 0, (window.stop or COUNT_CAP) - (window.start or 0))
        rows = Article.objects.published().select_related("section__group", "reporter").in_bulk(ids)
        return [rows[pk] for pk in ids if pk in rows]

    @cached_property
    def _first(self):
        """The newest COUNT_CAP + 1 matches (all of them when fewer), newest first, as (id, date, title hit)."""
        if not self.postgresql:
            return list(self._sqlite().order_by("-published_at", "-pk")[: COUNT_CAP + 1])
        return self._newest()

    @cached_property
    def _titled(self):
        """Up to COUNT_CAP matches with every term in the title, newest first (정확도순 puts them first)."""
        if not self.capped:
            return [row for row in self._first if row[2]]
        if not self.postgresql:
            return list(self._sqlite().filter(title_hit=True).order_by("-published_at", "-pk")[:COUNT_CAP])
        return self._newest(title=True)[:COUNT_CAP]

    def _ids(self, offset, limit):
        rows = self._first[:COUNT_CAP]
        if self.order == RELEVANCE:
            titled = self._titled
            ids = {row[0] for row in titled}
            rows = (titled + [row for row in rows if row[0] not in ids])[:COUNT_CAP]
        return [row[0] for row in rows[offset : offset + limit]]

    # PostgreSQL: one table, GIN indexes of pairs, LIKE on the stored text.

    def _where(self, title=False):
        conditions, params = ["public", "published_at <= %s"], [self.now]
        if self.sections is not None:
            conditions.append("section_id = ANY(%s)")
            params.append(list(self.sections))
        if self.start:
            conditions.append("published_at >= %s")
            params.append(self.start)
        if self.end:
            conditions.append("published_at < %s")
            params.append(self.end)
        mark = TITLE_MARK if title else 0
        for term in self.terms:
            conditions.append("tokens @> %s::bigint[]")
            params.append(sorted(word_pairs(term, mark)))
            across = space_pairs(term, mark)
            if across:  # a phrase: its pairs across a space are rarer than its words' (스 노 of 마을버스 노선)
                conditions.append("across @> %s::bigint[]")
                params.append(sorted(across))
            if title or len(term) > MIN_LENGTH:
                # A two-character term is one pair: the index alone decides, and the text stays unread.
                conditions.append(("title" if title else "document") + " LIKE %s")
                params.append(like_pattern(term))
        return " AND ".join(conditions), params

    def _newest(self, title=False, need=COUNT_CAP + 1):
        """Up to `need` newest matches, newest first, window by window of publication time.

        A window is one bitmap scan: the GIN index's candidates ANDed with the window's range
        of the date index, so only the window's matches are read. The first window spans
        FIRST_WINDOW; if it holds only a few, one scan of the GIN index alone takes the rest when
        there are fewer than `need` (a rare term: done); otherwise the next windows are sized from
        the matches per second found so far, and the last takes everything older.
        """
        where, params = self._where(title=title)
        hit = " AND ".join(["title LIKE %s"] * len(self.terms))
        hit_params = [like_pattern(term) for term in self.terms]
        sql = f"SELECT article_id, published_at, {hit} FROM search_articletext WHERE {where} AND published_at <= %s"  # noqa: S608 constant pieces; input only as parameters
        newest = top = min(self.now, self.end) if self.end else self.now
        span, found = FIRST_WINDOW, []
        with transaction.atomic(using=self.using), connections[self.using].cursor() as cursor:
            # Bitmap scans only, so a misjudged term never walks the table or a whole index in date
            # order; bitmaps exact (work_mem), so no row is rechecked; no JIT, which costs more than it saves.
            cursor.execute(
                "SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off; "
                "SET LOCAL work_mem = '32MB'; SET LOCAL jit = off"
            )
            for number in range(1, MAX_WINDOWS + 1):
                bottom = top - min(span, FOREVER)
                if number == MAX_WINDOWS or span >= FOREVER or (self.start is not None and bottom <= self.start):
                    cursor.execute(sql, [*hit_params, *params, top])  # the last window: everything older
                    found += cursor.fetchall()
                    break
                cursor.execute(sql + " AND published_at > %s", [*hit_params, *params, top, bottom])
                found += cursor.fetchall()
                if len(found) >= need:
                    break
                if number == 1 and len(found) * RARE_SHARE < need:
                    # Few in the first window: try for all the older ones in one scan of the GIN index.
                    wanted = need - len(found)
                    cursor.execute(sql + " LIMIT %s", [*hit_params, *params, bottom, wanted])
                    older = cursor.fetchall()
                    if len(older) < wanted:  # all the older ones: a rare term
                        found += older
                        break
                # The next window from the matches per second so far, with some to spare; eightfold without any.
                searched = newest - bottom
                span = max(span, searched * (need - len(found)) / len(found) * 1.25) if found else searched * 8
                top = bottom
        found.sort(key=lambda row: (row[1], row[0]), reverse=True)
        return found[:need]

    # SQLite: the demo's few hundred articles, scanned.

    def _sqlite(self):
        queryset = Article.objects.using(self.using).published()
        if self.sections is not None:
            queryset = queryset.filter(section__in=self.sections)
        if self.start:
            queryset = queryset.filter(published_at__gte=self.start)
        if self.end:
            queryset = queryset.filter(published_at__lt=self.end)
        title_hit = Q()
        shared = Byline.objects.filter(article=OuterRef("pk")).annotate(name=_full_name("reporter__"))
        queryset = queryset.annotate(names=Concat(F("byline"), Value(" "), _full_name("reporter__")))
        for term in self.terms:
            pattern = Value(like_pattern(term))
            queryset = queryset.filter(
                Q(Contains(SearchDocument(), pattern))
                | Q(Contains(F("names"), pattern))
                | Q(Exists(shared.filter(Contains(F("name"), pattern))))
            )
            title_hit &= Q(Contains(F("title"), pattern))
        queryset = queryset.annotate(title_hit=Case(When(title_hit, then=Value(True)), default=Value(False)))
        return queryset.values_list("pk", "published_at", "title_hit")


def find_reporters(terms, limit=3):
    """Staff whose full name (김파주) is one of the terms, for a link to their page above the results."""
    names = {term.removesuffix(" 기자") for term in terms}
    return list(
        get_user_model()
        .objects.filter(is_staff=True, is_active=True)
        .annotate(full_name=Concat(F("last_name"), F("first_name"), output_field=TextField()))
        .filter(full_name__in=names)
        .order_by("last_name", "first_name", "id")[:limit]
    )


LISTING_FIELDS = ("name", "summary", "description", "area", "address")


def search_listings(terms, limit=5):
    """Published directory listings with every term in one of their text fields."""
    if not terms:
        return []
    queryset = Listing.objects.published().for_list()
    for term in terms:
        condition = Q()
        for name in LISTING_FIELDS:
            condition |= Q(**{f"{name}__icontains": term})  # icontains escapes % and _
        queryset = queryset.filter(condition)
    return list(queryset[:limit])
