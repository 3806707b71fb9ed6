"""The paper's familiar "자동등록방지" challenge: six random digits."""

import secrets


def numeric_challenge():
    digits = "".join(secrets.choice("0123456789") for _ in range(6))
    return digits, digits
