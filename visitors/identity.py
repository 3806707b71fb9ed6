"""Who is a visitor, and how they are recognised without storing who they are.

A browser gets a first-party cookie with a random id, signed with SECRET_KEY, from the
beacon response (never from a page, so pages stay cacheable); an id without our signature
is no id. A browser that keeps no cookies
is recognised by a keyed hash of its address and user agent. Everything that
reaches the database is an HMAC whose key is derived from SECRET_KEY and the
KST day, so hashes of different days cannot be linked and no address is kept.
"""

import ipaddress
import re
import secrets
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.core import signing
from django.utils.crypto import salted_hmac

from lib.controlchars import has_control_chars

COOKIE_NAME = "fn_vid"
COOKIE_MAX_AGE = 365 * 24 * 60 * 60
_COOKIE_ID = re.compile(r"^[A-Za-z0-9_-]{22}$")

# Search engines, link-preview fetchers, SEO and AI crawlers. "bot" counts only
# as the end of a product token (Googlebot/2.1, AdsBot-Google, PetalBot;), so a
# phone model such as "CUBOT X19" is still a browser. Crawlers also announce
# themselves with an information URL, which browsers never do.
_CRAWLER = re.compile(
    r"bot(?=[/;)\-+]|$)|crawl|spider|slurp|scrap|yeti/|daumoa|daum/|facebookexternalhit|facebookcatalog"
    r"|mediapartners-google|apis-google|google-inspectiontool|feedfetcher|bingpreview|ia_archiver"
    r"|whatsapp|\+?https?://",
    re.IGNORECASE,
)


def is_crawler(user_agent):
    """Crawlers and an empty user agent are not visitors."""
    return not user_agent.strip() or bool(_CRAWLER.search(user_agent))


_SIGNER = signing.Signer(salt="firstnews.visitors.cookie")


def new_cookie_id():
    return secrets.token_urlsafe(16)


def cookie_value(visitor_id):
    """What the cookie holds: the id with our signature, so that no script can make up ids."""
    return _SIGNER.sign(visitor_id)


def cookie_id(request):
    """The visitor id from our cookie, or None when it is missing, forged or not one of ours."""
    try:
        value = _SIGNER.unsign(request.COOKIES.get(COOKIE_NAME, ""))
    except signing.BadSignature:
        return None
    return value if _COOKIE_ID.match(value) else None


@dataclass(frozen=True)
class Visitor:
    """A visitor as the counter sees them: an identity string that never leaves the process."""

    identity: str  # "c:<cookie id>" or "a:<address>|<user agent>"
    user_id: int | None = None

    @classmethod
    def from_cookie(cls, value, user_id=None):
        return cls(f"c:{value}", user_id)

    @classmethod
    def from_address(cls, address, user_agent, user_id=None):
        return cls(f"a:{address}|{user_agent}", user_id)

    @property
    def is_member(self):
        return self.user_id is not None

    def daily_hash(self, day):
        """The keyed hash stored for this visitor on `day`; the key changes every KST day."""
        return salted_hmac(f"firstnews.visitors.day:{day.isoformat()}", self.identity, algorithm="sha256").hexdigest()[
            :32
        ]

    def online_key(self, day):
        """The key of 현재접속자. A cookie id is random, so its key may stay the same across
        midnight (no double count at 00:00); an address-based identity is keyed by the day."""
        if self.is_member:
            return f"m:{self.user_id}"
        return f"g:{self.guest_hash(day)}"

    def guest_hash(self, day):
        salt = "firstnews.visitors.online" + ("" if self.identity.startswith("c:") else f":{day.isoformat()}")
        return salted_hmac(salt, self.identity, algorithm="sha256").hexdigest()[:32]


def referrer_domain(referrer, own_hosts):
    """The host a reader came from, without "www."; "" for our own pages, junk or bare IP addresses."""
    if has_control_chars(referrer):
        return ""  # a NUL never reaches PostgreSQL (which refuses it)
    try:
        parts = urlsplit(referrer.strip())
        host = (parts.hostname or "").lower()
    except ValueError:
        return ""
    if parts.scheme not in ("http", "https") or not host or host in own_hosts:
        return ""
    try:
        ipaddress.ip_address(host)
    except ValueError:
        pass
    else:
        return ""  # an address is personal data here; keep nothing
    host = host.removeprefix("www.")
    return host[:100] if "." in host else ""
