"""Readers' addresses of live coverage besides the story's page: the check for new entries, the
newest entries as a fragment for the page's script, permalinks and the feed.

The check and the fragment are the same for every reader, so they go through the page cache
(a new entry starts a new content generation) and carry an ETag and a short lifetime: a CDN
answers most of the crowd, and browsers revalidate with If-None-Match and get 304.
"""

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import redirect, render

from articles.models import Article

from .models import Entry, LiveCoverage
from .reading import Coverage, coverages, page_address, published_entries, stream


def coverage_or_404(request: HttpRequest, pk: int) -> Coverage:
    """The coverage, if readers of this edition can see its story now."""
    found = next((c for c in coverages(request).values() if c.pk == pk), None)
    if found is None or not Article.objects.edition().filter(live_coverage__pk=pk).exists():
        raise Http404("No such live coverage.")
    return found


def check(request: HttpRequest, pk: int) -> HttpResponse:
    """The newest entries' ids and whether coverage has ended: all the script needs to know
    whether there is something new (a few hundred bytes; 304 when nothing changed)."""
    coverage = coverage_or_404(request, pk)
    rows = published_entries(pk).values_list("pk", "pinned")
    pinned = [pk for pk, pin in rows.exclude(pinned=Entry.Pin.NONE)]
    newest = [
        pk for pk, pin in rows.filter(pinned=Entry.Pin.NONE)[: settings.LIVE_ENTRIES_PER_PAGE]
    ]
    request.page_cache_seconds = settings.LIVE_CHECK_SECONDS
    return JsonResponse({"ended": not coverage.is_running, "entries": newest, "pinned": pinned})


def latest(request: HttpRequest, pk: int) -> HttpResponse:
    """The newest entries, drawn as on the page, for the script to insert."""
    coverage = coverage_or_404(request, pk)
    live = stream(coverage, QueryDict())
    request.page_cache_seconds = settings.LIVE_CHECK_SECONDS
    return render(request, "live/latest.html", {"live": live})


def entry(request: HttpRequest, pk: int) -> HttpResponse:
    """An entry's permalink: the page of the stream that holds it; for an entry deleted or
    withdrawn, the live story's page without it."""
    found = (
        Entry.objects.published().filter(pk=pk).select_related("coverage__article__section").first()
    )
    if found is not None and found.coverage.article.is_live:
        return redirect(page_address(found))
    # Deleted, or taken back to draft: its story still tells the rest.
    past = Entry.history.filter(id=pk).order_by("-history_date").first()
    if past is None:
        raise Http404("No such entry.")
    coverage = LiveCoverage.objects.filter(pk=past.coverage_id).select_related("article").first()
    if coverage is None or not coverage.article.is_live:
        raise Http404("No such entry.")
    return redirect(coverage.article.get_absolute_url())
