from django.utils.functional import SimpleLazyObject

from .addresses import text_version


def text_edition(request) -> dict:
    """The address of this page's text version, for the full pages' alternate link and footer."""
    return {"text_version": SimpleLazyObject(lambda: text_version(request))}
