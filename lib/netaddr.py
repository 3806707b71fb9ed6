"""The client's address, as our own front proxies report it (lib.ratelimit counts it under a keyed hash)."""

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str | None:
    """The reader's address.

    Behind TRUSTED_PROXY_HOPS proxies (BEHIND_PROXY), each of which appends the address it saw to
    X-Forwarded-For, the reader is that many entries from the end: entries before it were written
    by the client and prove nothing. Without a trusted proxy, the peer address.
    """
    if settings.TRUST_X_FORWARDED_FOR:
        trusted = max(int(getattr(settings, "TRUSTED_PROXY_HOPS", 1)), 1)
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if hops:
            return str(hops[-trusted] if len(hops) >= trusted else hops[0])
    address = request.META.get("REMOTE_ADDR")
    return None if address is None else str(address)
