from django.utils.functional import SimpleLazyObject

from sections.models import Section

from .models import SiteSettings


def site(request) -> dict:
    """The site's settings, footer links and navigation; loaded only by pages that print them."""
    return {
        "site": SimpleLazyObject(SiteSettings.load),
        "navigation": Section.objects.in_navigation().order_by("position", "name"),
    }
