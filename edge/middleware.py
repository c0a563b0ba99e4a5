"""Names what each reader response shows, in the header the CDN reads (edge.keys).

Sits just inside the page cache, so the header is kept with the page and sent again on every
hit. Without a CDN (EDGE_CACHE empty) it adds nothing: readers never see the keys.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase

from . import backends
from .keys import collecting

PRIVATE = ("private", "no-store", "no-cache")


class SurrogateKeyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        backend = backends.configured() if settings.EDGE_CACHE else None
        if backend is None or request.method not in {"GET", "HEAD"}:
            return self.get_response(request)
        with collecting() as keys:
            response = self.get_response(request)
        cache_control = response.get("Cache-Control", "")
        if response.status_code < 400 and not any(word in cache_control for word in PRIVATE):
            name = settings.EDGE_KEY_HEADER or backend.header
            response[name] = backend.separator.join(sorted(keys))
        return response
