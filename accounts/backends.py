from axes.backends import AxesStandaloneBackend
from axes.exceptions import AxesBackendPermissionDenied
from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.dispatch import receiver

from lib import ratelimit
from lib.netaddr import client_ip

# Failed logins counted per address, whatever the ID: (scope, window in seconds, setting with the limit).
ADDRESS_WINDOWS = (
    ("accounts.login-failures.quarter", 15 * 60, "LOGIN_FAILURES_PER_ADDRESS"),
    ("accounts.login-failures.day", 24 * 60 * 60, "LOGIN_FAILURES_PER_ADDRESS_DAY"),
)


def address_locked(request):
    """True while the request's address has used up a window's failed logins (password spraying:
    one wrong password for each of many IDs). Counts nothing."""
    address = client_ip(request) or ""
    return any(ratelimit.used(scope, address) >= getattr(settings, limit) for scope, _window, limit in ADDRESS_WINDOWS)


@receiver(user_login_failed)
def _count_failure_by_address(sender, credentials, request=None, **kwargs):
    if request is None:
        return
    address = client_ip(request) or ""
    for scope, window, _limit in ADDRESS_WINDOWS:
        ratelimit.count(scope, address, window)


class LockoutBackend(AxesStandaloneBackend):
    """Axes' lockout check for every login made over HTTP, and the per-address limit.

    Axes locks one ID from one address after AXES_FAILURE_LIMIT failures; an address that has failed
    LOGIN_FAILURES_PER_ADDRESS times in 15 minutes (or LOGIN_FAILURES_PER_ADDRESS_DAY in a day), with any
    IDs, is refused every login until its window ends, and answered as axes answers a lock.

    Code that authenticates without a request (the test client, a shell) has no address
    to lock, so it is let through to the password check instead of failing.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        if address_locked(request):
            request.axes_locked_out = True
            request.address_locked_out = True
            raise AxesBackendPermissionDenied("too many failed logins from this address")
        return super().authenticate(request, username=username, password=password, **kwargs)
