"""The client's address, and the keyed hash under which it may be counted (no raw address is kept)."""

from django.conf import settings
from django.http import HttpRequest
from django.utils.crypto import salted_hmac


def client_ip(request: HttpRequest) -> str | None:
    """The reader's address: the last X-Forwarded-For hop when our own proxy sets it, else the peer."""
    if settings.TRUST_X_FORWARDED_FOR:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if hops:
            return str(hops[-1])
    address = request.META.get("REMOTE_ADDR")
    return None if address is None else str(address)


def address_digest(purpose: str, address: str, *extra: object) -> str:
    """A keyed hash of `address` (plus any `extra` parts) for `purpose`: stable, and not reversible."""
    value = "|".join([address, *(str(part) for part in extra)])
    return salted_hmac(purpose, value).hexdigest()
