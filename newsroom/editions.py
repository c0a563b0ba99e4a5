"""Which language a request is answered in.

Readers: the edition in the address. The default language's pages have no prefix (today's
addresses stay as they are); every other edition's live under its code (/ar/, /fr/). A page's
language depends on its address alone, never on the browser, so a page is the same for every
reader and caches keep one copy of it.

The desk: the language a member of staff chose (accounts.DeskProfile), or the one their
browser asks for; Django's admin then speaks it, right to left for Arabic.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import translation

from .languages import is_edition


def edition_in(path: str) -> str:
    """The edition an address belongs to."""
    first = path.lstrip("/").split("/", 1)[0]
    if first != settings.LANGUAGE_CODE and is_edition(first):
        return first
    return settings.LANGUAGE_CODE


class EditionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = reverse("admin:index")

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info.startswith(self.admin_prefix):
            code = self.desk_language(request)
        else:
            code = edition_in(request.path_info)
        request.LANGUAGE_CODE = code
        # Only for this request: a worker's next answer must not start in this one's language.
        with translation.override(code):
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", code)
        return response

    def desk_language(self, request: HttpRequest) -> str:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            profile = getattr(user, "desk_profile", None)
            if profile is not None and profile.language:
                return profile.language
        return translation.get_language_from_request(request)
