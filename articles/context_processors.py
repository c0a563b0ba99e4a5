from django.utils.functional import SimpleLazyObject

from newsroom import languages
from newsroom.addresses import address

from .sections import navigation


def reader_navigation(request) -> dict:
    """The menu of sections every reader page shows (lazy: admin pages never load it), the
    edition it is in and the other editions' front pages."""
    return {
        "navigation": SimpleLazyObject(lambda: navigation(request)),
        "edition": languages.language(),
        "editions": [
            (edition, address("articles:home", language=edition.code))
            for edition in languages.editions()
        ],
    }
