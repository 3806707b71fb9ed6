from .models import MENU


def navigation(request):
    """The menu of groups and their sections, read once and cached until an editor changes it."""
    return {"menu_groups": MENU.get()}
