"""Password hashers that verify the hashes a Gnuboard5 site stored, so imported members keep their login.

An imported member's password is stored as ``<algorithm>$<the hash Gnuboard stored>``. Django checks
it with the hasher of that algorithm and, at the member's first successful login, replaces it with its
own default hash (``pbkdf2_sha256``): these hashers come after Django's in ``PASSWORD_HASHERS``, so they
are never the preferred one and Django upgrades every hash they verify. None of them makes new hashes.

- ``gnuboard_pbkdf2``: Gnuboard 5.4 and later, ``sha256:<iterations>:<salt>:<hash>``. The salt is used
  as the base64 text it is stored as (not decoded); the hash is base64 of a 24-byte PBKDF2 key. Servers
  without SHA-256 wrote ``sha1:...`` the same way.
- ``gnuboard_mysql``: older sites stored MySQL's ``PASSWORD()``: ``*`` + upper hex of SHA1(SHA1(pw)).
- ``gnuboard_mysql_old``: very old sites on MySQL before 4.1 (or ``old_passwords``): 16 hex digits.
"""

import base64
import hashlib
import hmac

from django.contrib.auth.hashers import BasePasswordHasher, mask_hash
from django.utils.crypto import constant_time_compare


class _GnuboardHasher(BasePasswordHasher):
    def encode(self, password, salt):
        raise NotImplementedError("Gnuboard hashes are only verified; Django makes new ones.")

    def wrap(self, stored):
        """The encoded value for a hash as Gnuboard stored it."""
        return f"{self.algorithm}${stored}"

    def stored(self, encoded):
        algorithm, _, stored = encoded.partition("$")
        if algorithm != self.algorithm:
            raise ValueError(f"not a {self.algorithm} hash")
        return stored

    def must_update(self, encoded):
        return True

    def harden_runtime(self, password, encoded):
        pass

    def safe_summary(self, encoded):
        return {"algorithm": self.algorithm, "hash": mask_hash(self.stored(encoded))}


class GnuboardPBKDF2PasswordHasher(_GnuboardHasher):
    algorithm = "gnuboard_pbkdf2"
    digests = {"sha256": hashlib.sha256, "sha1": hashlib.sha1}

    def verify(self, password, encoded):
        parts = self.stored(encoded).split(":")
        if len(parts) < 4 or parts[0].lower() not in self.digests:
            return False
        digest, iterations, salt, expected = parts[0].lower(), parts[1], parts[2], parts[3]
        try:
            expected = base64.b64decode(expected, validate=True)
            iterations = int(iterations)
        except ValueError:
            return False
        if iterations <= 0 or not expected:
            return False
        derived = hashlib.pbkdf2_hmac(digest, password.encode(), salt.encode(), iterations, dklen=len(expected))
        return hmac.compare_digest(derived, expected)

    def decode(self, encoded):
        parts = self.stored(encoded).split(":")
        return {"algorithm": self.algorithm, "iterations": int(parts[1]), "salt": parts[2], "hash": parts[3]}

    def safe_summary(self, encoded):
        decoded = self.decode(encoded)
        return {
            "algorithm": self.algorithm,
            "iterations": decoded["iterations"],
            "salt": mask_hash(decoded["salt"]),
            "hash": mask_hash(decoded["hash"]),
        }


def mysql_password(password):
    """MySQL 4.1+ PASSWORD(): '*' + upper hex of SHA1(SHA1(password))."""
    inner = hashlib.sha1(password.encode()).digest()  # noqa: S324 - the format being verified
    return "*" + hashlib.sha1(inner).hexdigest().upper()  # noqa: S324


def mysql_old_password(password):
    """MySQL before 4.1 (OLD_PASSWORD()): two 31-bit sums over the bytes, spaces and tabs skipped."""
    nr, add, nr2 = 1345345333, 7, 0x12345671
    for byte in password.encode():
        if byte in (0x20, 0x09):
            continue
        nr ^= (((nr & 63) + add) * byte + (nr << 8)) & 0xFFFFFFFF
        nr2 = (nr2 + ((nr2 << 8) ^ nr)) & 0xFFFFFFFF
        add += byte
    return f"{nr & 0x7FFFFFFF:08x}{nr2 & 0x7FFFFFFF:08x}"


class GnuboardMySQLPasswordHasher(_GnuboardHasher):
    algorithm = "gnuboard_mysql"

    def verify(self, password, encoded):
        return constant_time_compare(mysql_password(password), self.stored(encoded).upper())

    def decode(self, encoded):
        return {"algorithm": self.algorithm, "hash": self.stored(encoded), "salt": None}


class GnuboardOldMySQLPasswordHasher(_GnuboardHasher):
    algorithm = "gnuboard_mysql_old"

    def verify(self, password, encoded):
        return constant_time_compare(mysql_old_password(password), self.stored(encoded).lower())

    def decode(self, encoded):
        return {"algorithm": self.algorithm, "hash": self.stored(encoded), "salt": None}


def encoded_from_gnuboard(stored):
    """The Django password value for a Gnuboard ``mb_password``, or None when no hasher knows it."""
    stored = (stored or "").strip()
    if stored.count(":") >= 3:
        return GnuboardPBKDF2PasswordHasher().wrap(stored)
    if len(stored) == 41 and stored.startswith("*"):
        return GnuboardMySQLPasswordHasher().wrap(stored)
    if len(stored) == 16 and all(c in "0123456789abcdefABCDEF" for c in stored):
        return GnuboardOldMySQLPasswordHasher().wrap(stored)
    return None
