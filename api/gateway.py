"""The read API's door: who is asking, how often, and from which web pages (issue #17).

Outermost for /api/ only, so answers from the page cache are counted too. A client is its API
key (header X-Api-Key) or else its address (accounts.addresses, the one place that reads it);
each has a number of requests a minute, counted in the cache (Redis in production, shared by
every process). GETs are open to any origin, or to settings.API_CORS_ORIGINS.
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, JsonResponse

from accounts.addresses import client_address

from .models import ApiKey, hash_key, key_cache_name

PREFIX = "/api/"
WINDOW_SECONDS = 60
# How long a key's limit is remembered before the database is asked again (and after a change
# in the admin, which forgets it at once).
KEY_MEMORY_SECONDS = 60
NO_KEY = 0


def limit_for_key(key: str) -> int:
    """The key's requests a minute, or NO_KEY for a key that is unknown or switched off."""
    key_hash = hash_key(key)
    limit = cache.get(key_cache_name(key_hash))
    if limit is None:
        found = ApiKey.objects.filter(key_hash=key_hash, active=True).first()
        limit = found.requests_per_minute if found else NO_KEY
        cache.set(key_cache_name(key_hash), limit, KEY_MEMORY_SECONDS)
    return limit


def error(status: int, message: str, **headers) -> JsonResponse:
    response = JsonResponse({"detail": message}, status=status)
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return response


class ApiGatewayMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path_info.startswith(PREFIX):
            return self.get_response(request)
        origin = request.META.get("HTTP_ORIGIN")
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
            response["Access-Control-Allow-Headers"] = "X-Api-Key, If-None-Match"
            response["Access-Control-Max-Age"] = "86400"
        elif "%00" in request.META.get("QUERY_STRING", ""):
            # Before the site's own refusal of NUL bytes, which answers in HTML.
            response = error(400, "Parameters may not hold NUL characters.")
        else:
            response = self.limited(request) or self.get_response(request)
        self.allow_origin(response, origin)
        return response

    def limited(self, request: HttpRequest) -> HttpResponse | None:
        """A 401 for a bad key, a 429 past the client's limit, or None to go on."""
        key = request.META.get("HTTP_X_API_KEY", "")
        if key:
            limit = limit_for_key(key)
            if limit == NO_KEY:
                return error(
                    401, "This API key is not valid. Ask the newsroom for one, or send none."
                )
            client = f"key:{hash_key(key)}"
        else:
            limit, client = settings.API_RATE_LIMIT, f"address:{client_address(request)}"
        window = int(time.time() // WINDOW_SECONDS)
        counter = f"api-rate:{client}:{window}"
        # add() starts the window's counter; incr() is atomic in Redis and in local memory.
        cache.add(counter, 0, WINDOW_SECONDS * 2)
        try:
            used = cache.incr(counter)
        except ValueError:  # the counter vanished between add and incr (evicted): count anew
            cache.set(counter, 1, WINDOW_SECONDS * 2)
            used = 1
        if used > limit:
            retry = WINDOW_SECONDS - int(time.time()) % WINDOW_SECONDS
            return error(
                429,
                f"Too many requests: {limit} a minute for this client. An API key raises it.",
                Retry_After=str(retry),
            )
        return None

    @staticmethod
    def allow_origin(response: HttpResponse, origin: str | None) -> None:
        allowed = settings.API_CORS_ORIGINS
        if not allowed:
            response["Access-Control-Allow-Origin"] = "*"
        elif origin in allowed:
            response["Access-Control-Allow-Origin"] = origin
            response["Vary"] = ", ".join(filter(None, [response.get("Vary"), "Origin"]))
        response["Access-Control-Expose-Headers"] = "ETag, Retry-After"
