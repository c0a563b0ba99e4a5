from django.utils.functional import SimpleLazyObject

from .sections import navigation


def reader_navigation(request) -> dict:
    """The menu of sections every reader page shows (lazy: admin pages never load it)."""
    return {"navigation": SimpleLazyObject(lambda: navigation(request))}
