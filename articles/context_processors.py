from django.core.cache import cache

from .models import MENU_CACHE_KEY, Group


def _menu():
    groups = cache.get(MENU_CACHE_KEY)
    if groups is None:
        groups = list(Group.objects.prefetch_related("sections"))
        cache.set(MENU_CACHE_KEY, groups, 3600)
    return groups


def navigation(request):
    """The menu of groups and their sections, read once and cached until an editor changes it."""
    return {"menu_groups": _menu()}
