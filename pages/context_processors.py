from django.utils import timezone

from .models import SiteSettings


def site(request):
    """The masthead and footer data every page template needs."""
    return {"site": SiteSettings.load(), "today": timezone.localdate()}
