from django.http import HttpRequest, HttpResponse
from django.utils.functional import SimpleLazyObject

from .chrome import site_settings


class SiteSettingsMiddleware:
    """Loads the site settings at most once per request and offers the onion address to Tor users."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.site_settings = SimpleLazyObject(lambda: site_settings(request))
        response = self.get_response(request)
        if response.get("Content-Type", "").startswith("text/html"):
            onion = request.site_settings.onion_address
            if onion and not request.get_host().endswith(".onion"):
                response["Onion-Location"] = onion.rstrip("/") + request.get_full_path()
        return response
