"""Whole-page caching for anonymous readers, never stale after a change.

A page is cached under a key that holds the content generation (pagecache.models), so a
change anywhere is seen on the next request in every process. Cache lifetimes, and the
max-age sent to browsers and CDNs, stop at the next scheduled publish time, so an article
appears as soon as its time comes. Signed-in staff always get fresh, private pages.
"""

import hashlib
import time
from datetime import datetime

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.module_loading import import_string

from .memo import current_generation, per_generation

CACHEABLE_STATUSES = {200, 301, 404}


def page_key(generation: str, request: HttpRequest) -> str:
    """The one cache-key scheme for pages: generation, host, path and sorted query string."""
    query = "&".join(sorted(request.META.get("QUERY_STRING", "").split("&")))
    raw = f"{request.get_host()}|{request.path}|{query}"
    return f"page:{generation}:{hashlib.sha256(raw.encode()).hexdigest()}"


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.cache = caches[settings.PAGE_CACHE_ALIAS]
        self.next_change = import_string(settings.PAGE_CACHE_LIMIT)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not self.applies_to(request):
            response = self.get_response(request)
            if request.method in {"GET", "HEAD"} and self.is_staff(request):
                patch_cache_control(response, private=True, no_cache=True)
            return response
        key = page_key(current_generation(request), request)
        cached = self.cache.get(key)
        if cached is not None:
            response, expires_at = cached
            self.set_cache_control(response, max(int(expires_at - time.time()), 0))
            response["X-Page-Cache"] = "hit"
            return response
        started = timezone.now()
        response = self.get_response(request)
        if self.can_store(response):
            lifetime = self.lifetime(request, started)
            self.set_cache_control(response, lifetime)
            if lifetime > 0:
                self.cache.set(key, (response, time.time() + lifetime), lifetime)
            response["X-Page-Cache"] = "miss"
        return response

    def applies_to(self, request: HttpRequest) -> bool:
        if request.method not in {"GET", "HEAD"}:
            return False
        if any(request.path.startswith(prefix) for prefix in settings.PAGE_CACHE_SKIP_PATHS):
            return False
        return not self.is_staff(request)

    @staticmethod
    def is_staff(request: HttpRequest) -> bool:
        # Only a request carrying a session cookie can belong to staff; readers have none,
        # so their requests never touch the session store.
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return False
        return request.user.is_authenticated

    @staticmethod
    def can_store(response: HttpResponse) -> bool:
        cache_control = response.get("Cache-Control", "")
        return (
            response.status_code in CACHEABLE_STATUSES
            and not response.cookies
            and not response.streaming
            and "private" not in cache_control
            and "no-store" not in cache_control
            and "no-cache" not in cache_control
        )

    def lifetime(self, request: HttpRequest, started: datetime) -> int:
        """Seconds a page may be kept: the configured time, or less if an article is due.

        Due after the request began, not after the page was drawn: a story whose time came
        while the page was being drawn may be missing from it, so that page is not kept.
        """
        seconds = settings.PAGE_CACHE_SECONDS
        # Only an edit (a new generation) or the time passing can bring the next one forward.
        due = per_generation(
            request,
            "next_change",
            lambda: self.next_change(after=started),
            still_valid=lambda due: due is None or due > started,
        )
        if due is None:
            return seconds
        return max(min(seconds, int((due - timezone.now()).total_seconds())), 0)

    @staticmethod
    def set_cache_control(response: HttpResponse, lifetime: int) -> None:
        if "Cache-Control" in response:
            del response["Cache-Control"]
        patch_cache_control(
            response,
            public=True,
            max_age=min(settings.PAGE_BROWSER_SECONDS, lifetime),
            s_maxage=lifetime,
            stale_while_revalidate=settings.PAGE_STALE_SECONDS if lifetime else 0,
        )
