import pytest

from lib.korean import josa


@pytest.mark.parametrize(
    ("word", "pair", "expected"),
    [
        ("개방", "이/가", "이"),
        ("기사", "이/가", "가"),
        ("기사", "을/를", "를"),
        ("사진", "을/를", "을"),
        ("데스크", "은/는", "는"),
        ("기자단", "은/는", "은"),
        ("파주", "와/과", "와"),
        ("문산", "와/과", "과"),
        ("서울", "(으)로", "로"),
        ("파주", "(으)로", "로"),
        ("문산", "(으)로", "으로"),
        ("KTX", "이/가", "가"),
        ("URL", "을/를", "을"),
        ("HTML", "(으)로", "로"),
        ("2026", "이/가", "이"),
        ("3", "을/를", "을"),
        ("5", "은/는", "는"),
        ("7", "(으)로", "로"),
        ('"개방"', "이/가", "이"),
    ],
)
def test_josa_follows_the_last_syllable(word, pair, expected):
    assert josa(word, pair) == expected


def test_unknown_pair_is_refused():
    with pytest.raises(ValueError):
        josa("기사", "에/에게")
