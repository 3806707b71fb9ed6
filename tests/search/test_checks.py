import pytest

from search.checks import ctype_warnings, korean_trigrams

pytestmark = pytest.mark.django_db


def test_the_database_check_accepts_this_database():
    # SQLite has no pg_trgm to worry about; the PostgreSQL databases here are created with C.UTF-8.
    assert korean_trigrams(None, databases=["default"]) == []


@pytest.mark.parametrize(
    ("ctype", "warned"), [("C", True), ("POSIX", True), ("C.UTF-8", False), ("ko_KR.UTF-8", False)]
)
def test_only_a_plain_c_locale_is_warned_about(ctype, warned):
    warnings = ctype_warnings(ctype)
    assert bool(warnings) is warned
    if warned:
        assert warnings[0].id == "search.W001" and "한글" in warnings[0].msg
