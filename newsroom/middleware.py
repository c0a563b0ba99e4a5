from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.urls import reverse


class SecurityHeadersMiddleware:
    """Refuses requests no page can answer, and sets the per-area security headers.

    A NUL in a path or query string is never part of a real address, and PostgreSQL would
    refuse it mid-query (a 500), so it gets a 400 here instead.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = reverse("admin:index")

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if "\x00" in request.path or "%00" in request.META.get("QUERY_STRING", ""):
            return HttpResponseBadRequest("Bad request: the address contains a NUL character.")
        response = self.get_response(request)
        if request.path.startswith(self.admin_prefix):
            # Read by the CSP middleware, which runs after this one on the way out.
            response._csp_config = settings.ADMIN_CSP
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
