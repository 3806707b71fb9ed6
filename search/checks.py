"""`manage.py check --database default`: warn when PostgreSQL's character type hides Hangul from pg_trgm."""

from django.core.checks import Tags, Warning, register
from django.db import connections


@register(Tags.database)
def korean_trigrams(app_configs, databases=None, **kwargs):
    warnings = []
    for alias in databases or []:
        connection = connections[alias]
        if connection.vendor != "postgresql":
            continue
        with connection.cursor() as cursor:
            cursor.execute("SELECT datctype FROM pg_database WHERE datname = current_database()")
            (ctype,) = cursor.fetchone()
        warnings.extend(ctype_warnings(ctype))
    return warnings


def ctype_warnings(ctype):
    warnings = []
    if ctype in ("C", "POSIX"):
        warnings.append(
            Warning(
                f"데이터베이스 LC_CTYPE이 {ctype}이라 pg_trgm이 한글에서 trigram을 만들지 못합니다.",
                hint="검색 결과는 맞지만 3글자 이상 한국어 검색이 인덱스를 쓰지 못해 느려집니다. "
                "createdb --locale=C.UTF-8 --template=template0 (또는 ko_KR.UTF-8)로 만든 데이터베이스를 쓰세요. "
                "README의 'How Korean search works'를 보세요.",
                id="search.W001",
            )
        )
    return warnings
