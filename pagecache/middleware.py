"""Whole-page caching for anonymous readers, never stale after a change.

The outermost middleware: a reader's request for a page already drawn is answered here, before
sessions, users, URL dispatch or templates, with the headers every layer below gave it the first
time. A page is kept under its address (only the query parameters its view reads, so junk
parameters neither add entries nor miss) together with the content generation it was drawn in,
and is served only in that generation (pagecache.generation). Lifetimes, and the max-age sent to
browsers and CDNs, stop at the next scheduled change, so a story appears as soon as its time
comes. Signed-in staff always get fresh, private pages.
"""

import hashlib
import time
from functools import lru_cache
from typing import NamedTuple

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.urls import Resolver404, get_urlconf, resolve
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import parse_http_date_safe

from newsroom.editions import edition_in

from .generation import generations

CACHEABLE_STATUSES = {200, 301}
CONDITIONS = ("HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE")
HIT, MISS = "hit", "miss"


def reads_query(*names: str):
    """Declare the query parameters a view reads: the page cache keys its pages by these only."""

    def decorate(view):
        view.query_parameters = frozenset(names)
        return view

    return decorate


class Entry(NamedTuple):
    generation: str
    expires_at: float
    status: int
    # The response's headers as Django keeps them (name in lower case: (name, value)), so a
    # hit copies them in one step instead of checking each header again.
    headers: dict[str, tuple[str, str]]
    content: bytes


@lru_cache(maxsize=10_000)
def _query_parameters(urlconf: str, path_info: str) -> frozenset[str] | None:
    """The query parameters the view at this address reads, or None where no view answers.

    Resolved in the address's own edition: this runs before newsroom.editions activates it,
    and the language a worker's previous request left active (/ar/) would make "/" resolve to
    nothing, and stay uncached in that process.
    """
    try:
        with translation.override(edition_in(path_info)):
            match = resolve(path_info, urlconf)
    except Resolver404:
        return None
    return getattr(match.func, "query_parameters", frozenset())


def page_key(request: HttpRequest) -> str | None:
    """The one cache-key scheme for pages, or None for addresses no view answers."""
    names = _query_parameters(get_urlconf() or settings.ROOT_URLCONF, request.path_info)
    if names is None:
        return None
    query = ""
    if names and request.META.get("QUERY_STRING"):
        query = str(sorted((name, values) for name, values in request.GET.lists() if name in names))
    encoding = "gzip" if "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "") else ""
    raw = f"{request.scheme}|{request.META.get('HTTP_HOST', '')}|{request.path}|{query}|{encoding}"
    # Short keys as they are (a hash costs more than the lookup); long ones hashed.
    return f"page:{raw}" if len(raw) < 200 else f"page:{hashlib.sha256(raw.encode()).hexdigest()}"


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        key = page_key(request) if self.applies_to(request) else None
        if key is None:
            response = self.get_response(request)
            if request.method in {"GET", "HEAD"} and self.is_staff(request):
                patch_cache_control(response, private=True, no_cache=True)
            return response
        generation = generations()
        state, entry = generation.read(key)
        request.content_state = state
        if self.still_good(state, entry):
            return self.replay(request, entry)
        if not generation.database_answers and self.drawn_in(state, entry):
            # The database is down: a page past its lifetime is better than none.
            return self.replay(request, entry, stale=True)
        # A revalidating reader (If-None-Match) still gets the whole page drawn and kept:
        # answered 304 by the layers below, the page would never be kept again while every
        # reader revalidates, as the live coverage script does (issue #15).
        conditions = {}
        if state is not None and request.method == "GET":
            conditions = {
                name: request.META.pop(name) for name in CONDITIONS if name in request.META
            }
        response = self.get_response(request)
        request.META.update(conditions)
        if state is not None and request.method == "GET" and self.can_store(response):
            shorter = getattr(request, "page_cache_seconds", None)
            lifetime = self.lifetime(state, shorter=shorter)
            self.set_cache_control(response, lifetime, self.edge_lifetime(state, lifetime, shorter))
            if lifetime > 0:
                headers = dict(response.headers._store)
                entry = Entry(state.key, time.time() + lifetime, response.status_code, headers,
                              response.content)  # fmt: skip
                # Kept past its lifetime, for the times the database does not answer.
                generation.pages.set(key, entry, lifetime + settings.PAGE_STALE_IF_ERROR_SECONDS)
            self.mark(response, MISS)
        if conditions and response.status_code == 200:
            answer = get_conditional_response(
                request,
                etag=response.get("ETag"),
                last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
                response=response,
            )
            if answer is not response:
                self.mark(answer, MISS)
            return answer
        return response

    @staticmethod
    def applies_to(request: HttpRequest) -> bool:
        # Which pages are kept is the views' to say, with Cache-Control (the desk, previews
        # and searches say private or no-cache); only readers' GETs are looked up at all.
        if request.method not in {"GET", "HEAD"}:
            return False
        # Only a request carrying a session cookie can belong to staff: readers have none.
        return settings.SESSION_COOKIE_NAME not in request.COOKIES

    @staticmethod
    def drawn_in(state, entry: Entry | None) -> bool:
        """A page drawn in the current generation."""
        return state is not None and entry is not None and entry.generation == state.key

    def still_good(self, state, entry: Entry | None) -> bool:
        """A page drawn in the current generation, and not past its lifetime."""
        return self.drawn_in(state, entry) and entry.expires_at > time.time()

    @staticmethod
    def is_staff(request: HttpRequest) -> bool:
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return False
        user = getattr(request, "user", None)
        return user is not None and user.is_authenticated

    def replay(self, request: HttpRequest, entry: Entry, stale: bool = False) -> HttpResponseBase:
        response = HttpResponse(entry.content, status=entry.status)
        # The headers were checked when the page was drawn: copied as Django keeps them.
        response.headers._store = dict(entry.headers)
        lifetime = max(int(entry.expires_at - time.time()), 0)
        edge = lifetime if stale else self.edge_lifetime(request.content_state, lifetime)
        response.headers["Cache-Control"] = self.cache_control(lifetime, edge)
        if stale:
            # RFC 9111 retired the Warning header, but caches and tools still read it.
            response.headers["Warning"] = '110 - "Response is Stale"'
        self.mark(response, HIT)
        if (
            "HTTP_IF_NONE_MATCH" not in request.META
            and "HTTP_IF_MODIFIED_SINCE" not in request.META
        ):
            return response
        answer = get_conditional_response(
            request,
            etag=response.get("ETag"),
            last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
            response=response,
        )
        if answer is not response:  # a 304 from the cache is a hit too
            self.mark(answer, HIT)
        return answer

    @staticmethod
    def can_store(response: HttpResponseBase) -> bool:
        cache_control = response.get("Cache-Control", "")
        return (
            response.status_code in CACHEABLE_STATUSES
            and not response.cookies
            and not response.streaming
            and "private" not in cache_control
            and "no-store" not in cache_control
            and "no-cache" not in cache_control
        )

    @staticmethod
    def lifetime(state, seconds: int | None = None, shorter: int | None = None) -> int:
        """Seconds a page may be kept: the configured time (or `seconds`), or less if a story
        is due, or if the view asked for less (request.page_cache_seconds: a live story, whose
        readers behind a CDN must see new entries within seconds).

        A story whose time came while the page was being drawn may be missing from it: the
        generation was read at the start of the request, so that page is not kept at all.
        """
        seconds = settings.PAGE_CACHE_SECONDS if seconds is None else seconds
        if shorter is not None:
            seconds = min(seconds, shorter)
        if state.next_change is None:
            return seconds
        return max(min(seconds, int((state.next_change - timezone.now()).total_seconds())), 0)

    def edge_lifetime(self, state, lifetime: int, shorter: int | None = None) -> int:
        """Seconds a CDN may keep the page (s-maxage): hours when a purged CDN is configured
        (issue #20; still capped at the next scheduled change, and at what the view asked
        for), else as long as we keep it."""
        if not settings.EDGE_CACHE or state is None:
            return lifetime
        return self.lifetime(state, settings.EDGE_SECONDS, shorter)

    @staticmethod
    def cache_control(lifetime: int, edge_lifetime: int | None = None) -> str:
        """What readers' browsers and CDNs are told: browsers keep the page at most `lifetime`
        seconds, CDNs `edge_lifetime` (the same unless a purged CDN is configured)."""
        edge = lifetime if edge_lifetime is None else edge_lifetime
        return (
            f"public, max-age={min(settings.PAGE_BROWSER_SECONDS, lifetime)}, "
            f"s-maxage={edge}, "
            f"stale-while-revalidate={settings.EDGE_STALE_SECONDS if edge else 0}, "
            f"stale-if-error={settings.PAGE_STALE_IF_ERROR_SECONDS}"
        )

    def set_cache_control(
        self, response: HttpResponseBase, lifetime: int, edge_lifetime: int | None = None
    ) -> None:
        response.headers["Cache-Control"] = self.cache_control(lifetime, edge_lifetime)

    @staticmethod
    def mark(response: HttpResponseBase, state: str) -> None:
        # Only where asked for (development, tests): elsewhere it would tell anyone which
        # addresses other readers have just visited.
        if settings.PAGE_CACHE_DEBUG_HEADER:
            response["X-Page-Cache"] = state
