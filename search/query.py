"""Turning what a reader typed into search terms and a filtered queryset.

Every term must appear (AND); "quoted words" stay one phrase. A term matches
as a substring, so 경제 finds 지역경제 and 경제를 — Korean attaches particles
and compounds words, so word-based matching would miss them. See README
(검색) for how each database answers it.
"""

import re

from django.db import connections
from django.db.models import BooleanField, F, Func, Q, TextField, Value
from django.db.models.expressions import RawSQL

from directory.models import Listing

MIN_LENGTH = 2
MAX_TERMS = 6
MAX_TERM_LENGTH = 50

_TERM = re.compile(r'"([^"]*)"|(\S+)')


def parse_terms(query):
    """The distinct terms of a query: phrases in quotes, other words split on spaces.

    One-character terms are dropped when a longer term is present (they would
    match almost everything); a query of only one-character terms has none.
    """
    terms = []
    for phrase, word in _TERM.findall(query or ""):
        term = " ".join((phrase or word).split())[:MAX_TERM_LENGTH]
        if term and term not in terms:
            terms.append(term)
    return [term for term in terms if len(term) >= MIN_LENGTH][:MAX_TERMS]


def like_pattern(term):
    """`%term%` with the LIKE wildcards and the escape character in the term taken literally."""
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class SearchDocument(Func):
    """search_document(title, subtitle, summary, body): the text a search matches, tags removed.

    On SQLite a Python function (apps.py) computes it per row at query time;
    PostgreSQL keeps it stored and indexed in search_articletext instead.
    """

    function = "search_document"
    output_field = TextField()

    def __init__(self):
        super().__init__(F("title"), F("subtitle"), F("summary"), F("body"))


class Contains(Func):
    """`text LIKE pattern` with backslash escapes (SQLite's LIKE ignores ASCII case)."""

    output_field = BooleanField()
    arg_joiner = " LIKE "
    template = "(%(expressions)s ESCAPE '\\')"


def search_articles(queryset, terms):
    """Articles of `queryset` whose text contains every term, each taken literally."""
    if connections[queryset.db].vendor == "postgresql":
        return queryset.filter(pk__in=_postgresql_matches(terms))
    for term in terms:
        queryset = queryset.filter(Contains(SearchDocument(), Value(like_pattern(term))))
    return queryset


def _postgresql_matches(terms):
    """One subquery on the stored, lower-cased text: LIKE per term, which the trigram index
    answers for three characters or more; two-character terms are also looked up in the
    bigram index, since no trigram can be taken from them. All conditions together let
    PostgreSQL combine the indexes (BitmapAnd) instead of scanning once per term."""
    conditions = ["document LIKE lower(%s)"] * len(terms)
    params = [like_pattern(term) for term in terms]
    short = [term for term in terms if len(term) == 2]
    if short:
        conditions.append(f"bigrams @> ARRAY[{', '.join(['lower(%s)'] * len(short))}]")
        params.extend(short)
    sql = f"SELECT article_id FROM search_articletext WHERE {' AND '.join(conditions)}"  # noqa: S608 constant pieces
    return RawSQL(sql, params)  # noqa: S611 the SQL is built from constants; input only as parameters


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
