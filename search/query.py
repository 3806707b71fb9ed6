"""Turning what a reader typed into search terms, and the terms into a page of articles.

Every term must appear (AND); "quoted words" stay one phrase. A term matches
as a substring, so 경제 finds 지역경제 and 경제를; a particle typed after a
word is dropped (지역경제를 → 지역경제), which only widens what matches. The
byline and the reporters' names are searched with the text (김파주 finds the
articles of that reporter). See docs/search.md for how PostgreSQL answers
this at a million articles; SQLite scans every row (fine for the demo).
"""

import re
from functools import cached_property

from django.contrib.auth import get_user_model
from django.db import connections, transaction
from django.db.models import BooleanField, Case, Exists, F, Func, OuterRef, Q, TextField, Value, When
from django.db.models.functions import Concat
from django.utils import timezone

from articles.models import Article, Byline
from directory.models import Listing

from .index import TITLE_MARK, bigrams

MIN_LENGTH = 2
MAX_TERMS = 6
MAX_TERM_LENGTH = 50
# Past this many matches the page says "1,000건 이상" (and offers 1,000 results).
COUNT_CAP = 1000
# Up to this many matches are fetched through the GIN index and ordered here; past it
# the term is common (0.5 % of a million) and pages walk the date index instead.
FETCH_CAP = 5000
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

    One-character terms (and phrases of one-character words) are dropped when a
    longer term is present: they would match almost everything.
    """
    terms = []
    for phrase, word in _TERM.findall(query or ""):
        term = " ".join((phrase or word).split())[:MAX_TERM_LENGTH]
        term = strip_particle(term) if word else term
        if term and term not in terms and len(term) >= MIN_LENGTH and bigrams(term):
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

    # PostgreSQL: one table, one GIN index of pairs, LIKE on the stored text.

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
        for term in self.terms:
            conditions += ["tokens @> %s::bigint[]", ("title" if title else "document") + " LIKE %s"]
            params += [sorted(bigrams(term, TITLE_MARK if title else 0)), like_pattern(term)]
        return " AND ".join(conditions), params

    def _fetch(self, sql, params, index_only=False):
        with transaction.atomic(using=self.using), connections[self.using].cursor() as cursor:
            if index_only:
                # Candidates come from the GIN index: a misjudged rare term must never read the whole table.
                cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(sql, params)
            return cursor.fetchall()

    def _candidates(self, title=False):
        """Up to FETCH_CAP + 1 matches as (id, date, title hit), straight from the GIN index."""
        where, params = self._where(title=title)
        hit = " AND ".join(["title LIKE %s"] * len(self.terms))
        sql = f"SELECT article_id, published_at, {hit} FROM search_articletext WHERE {where} LIMIT %s"  # noqa: S608 constant pieces; input only as parameters
        return self._fetch(sql, [like_pattern(term) for term in self.terms] + params + [FETCH_CAP + 1], True)

    @cached_property
    def _first(self):
        """Up to FETCH_CAP + 1 matches: the count, and every page when there are no more."""
        if not self.postgresql:
            return list(self._sqlite()[: FETCH_CAP + 1])
        return self._candidates()

    def _ids(self, offset, limit):
        if len(self._first) <= FETCH_CAP:
            return _newest(self._first, offset, limit, by_title=self.order == RELEVANCE)
        if not self.postgresql:
            order = ["-published_at", "-pk"] if self.order == LATEST else ["-title_hit", "-published_at", "-pk"]
            return [row[0] for row in self._sqlite().order_by(*order)[offset : offset + limit]]
        if self.order == LATEST:
            return self._latest(offset, limit)
        # Title hits up to the end of this page; only if there are fewer does the page reach the others.
        titled = self._candidates(title=True)
        if len(titled) <= FETCH_CAP:
            titled = _newest(titled, 0, offset + limit)
        else:
            titled = self._latest(0, offset + limit, title=True)
        page = titled[offset : offset + limit]
        if len(page) < limit:
            page += self._latest(max(0, offset - len(titled)), limit - len(page), exclude=titled)
        return page

    def _latest(self, offset, limit, title=False, exclude=()):
        """Newest first by walking the date index, for terms common enough to meet a match every few rows."""
        where, params = self._where(title=title)
        if exclude:
            where += " AND article_id <> ALL(%s)"
            params.append(list(exclude))
        sql = f"SELECT article_id FROM search_articletext WHERE {where} ORDER BY published_at DESC, article_id DESC LIMIT %s OFFSET %s"  # noqa: S608 constant pieces
        return [row[0] for row in self._fetch(sql, [*params, limit, offset])]

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


def _newest(rows, offset, limit, by_title=False):
    """Ids of (id, date, title hit) rows, newest first (title hits before the rest if by_title), sliced."""
    key = (lambda row: (row[2], row[1], row[0])) if by_title else (lambda row: (row[1], row[0]))
    return [row[0] for row in sorted(rows, key=key, reverse=True)[offset : offset + limit]]


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
