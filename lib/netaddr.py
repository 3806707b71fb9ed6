"""The client's address, as our own front proxy reports it (lib.ratelimit counts it under a keyed hash)."""

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str | None:
    """The reader's address: the last X-Forwarded-For hop when our own proxy sets it, else the peer."""
    if settings.TRUST_X_FORWARDED_FOR:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if hops:
            return str(hops[-1])
    address = request.META.get("REMOTE_ADDR")
    return None if address is None else str(address)
