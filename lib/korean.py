"""Korean particles (조사) that agree with the word before them: 기사 "…개방"이 저장되었습니다."""

# Korean readings' final consonant for a last Latin letter or digit: True when it ends in a 받침.
_LETTERS_WITH_BATCHIM = set("lmnr")  # 엘, 엠, 엔, 알
_DIGITS_WITH_BATCHIM = set("013678")  # 영, 일, 삼, 육, 칠, 팔
_RIEUL_ENDINGS = set("l178")  # 엘, 일, 칠, 팔: (으)로 takes 로 after ㄹ

PAIRS = {"이/가", "을/를", "은/는", "와/과", "(으)로"}


def _final(word: str) -> tuple[bool, bool]:
    """(has a final consonant, that consonant is ㄹ) for the last readable character of word."""
    for char in reversed(word.strip()):
        code = ord(char) - 0xAC00
        if 0 <= code < 11172:
            jong = code % 28
            return jong != 0, jong == 8
        lower = char.lower()
        if lower.isascii() and lower.isalnum():
            batchim = lower in (_DIGITS_WITH_BATCHIM if lower.isdigit() else _LETTERS_WITH_BATCHIM)
            return batchim, lower in _RIEUL_ENDINGS
    return False, False


def josa(word: str, pair: str) -> str:
    """The particle of pair ("이/가", "을/를", "은/는", "와/과", "(으)로") that fits after word."""
    if pair not in PAIRS:
        raise ValueError(f"unknown particle pair: {pair}")
    batchim, rieul = _final(word)
    if pair == "(으)로":
        return "으로" if batchim and not rieul else "로"
    with_batchim, without = pair.split("/")
    if pair == "와/과":
        return "과" if batchim else "와"
    return with_batchim if batchim else without
