"""Member writes that span several rows: signup with its consents, consent changes, withdrawal."""

from __future__ import annotations

from typing import TYPE_CHECKING

from axes.utils import reset as axes_reset
from django.db import transaction
from django.utils import timezone

from .models import Consent, User

if TYPE_CHECKING:
    from pages.models import Document


@transaction.atomic
def member_signup(
    *,
    username: str,
    nickname: str,
    email: str,
    password: str,
    terms: Document,
    privacy: Document,
    marketing: bool,
) -> User:
    """Create a member with the two required consents (and the optional one), all or nothing."""
    user = User.objects.create_user(username=username, email=email, password=password, nickname=nickname)
    Consent.objects.create(user=user, kind=Consent.Kind.TERMS, document=terms, version=terms.version)
    Consent.objects.create(user=user, kind=Consent.Kind.PRIVACY, document=privacy, version=privacy.version)
    if marketing:
        Consent.objects.create(user=user, kind=Consent.Kind.MARKETING)
    return user


def marketing_consent_set(*, user: User, agreed: bool) -> None:
    """Give or withdraw the optional marketing consent; history is kept, never overwritten."""
    active = user.consents.filter(kind=Consent.Kind.MARKETING, withdrawn_at__isnull=True)
    if agreed and not active.exists():
        Consent.objects.create(user=user, kind=Consent.Kind.MARKETING)
    elif not agreed:
        active.update(withdrawn_at=timezone.now())


@transaction.atomic
def member_withdraw(*, user: User) -> None:
    """회원탈퇴: the account can no longer log in and its personal data is erased at once.

    The row stays so that the ID remains taken (nobody can pose as the member) and what the
    member wrote stays attached to "탈퇴한 회원". Consent records stay as proof of what was agreed.
    """
    now = timezone.now()
    user.first_name = ""
    user.last_name = ""
    user.email = ""
    user.nickname = None
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.withdrawn_at = now
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
    user.consents.filter(kind=Consent.Kind.MARKETING, withdrawn_at__isnull=True).update(withdrawn_at=now)
    # Failed-login records name the ID with an address; nothing is left to protect.
    axes_reset(username=user.username)
