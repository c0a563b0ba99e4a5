from django.utils.functional import SimpleLazyObject


def site(request) -> dict:
    """The site's settings and its canonical base address, for every page."""
    settings = getattr(request, "site_settings", None)
    return {
        "site": settings,
        # Lazy, like the settings: admin pages that never print it never load them.
        "site_url": SimpleLazyObject(lambda: settings.base_url(request)) if settings else "",
    }
