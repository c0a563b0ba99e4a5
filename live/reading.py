"""What readers of a live story get: the stream of entries, read in a fixed number of queries.

The first page holds the pinned entries and the newest ones; older ones are paged by keyset
("Older updates", articles.pagination), so a story with 2,000 entries costs what one with 20
does. Which stories are live is kept per content generation (pagecache.memo): cards and pages
know it without a query of their own.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import NamedTuple

from django.conf import settings
from django.http import HttpRequest, QueryDict
from django.utils.safestring import SafeString

from articles import body
from articles.models import Article, Author
from articles.pagination import EPOCH, KeysetPage, keyset_page
from media.models import Photo
from pagecache.memo import per_generation

from .models import Entry, LiveCoverage


class Coverage(NamedTuple):
    pk: int
    started_at: datetime
    ended_at: datetime | None

    @property
    def is_running(self) -> bool:
        return self.ended_at is None


def coverages(request: HttpRequest | None = None) -> dict[int, Coverage]:
    """Every story's live coverage, by story id: one query per content generation."""

    def read() -> dict[int, Coverage]:
        rows = LiveCoverage.objects.values_list("article_id", "pk", "started_at", "ended_at")
        return {article_id: Coverage(*rest) for article_id, *rest in rows}

    return per_generation(request, "live.coverages", read)


def live_state(article: Article) -> str:
    """ "running", "ended" or "" for a story (cards print the "Live" badge on running ones)."""
    found = coverages().get(article.pk)
    if found is None:
        return ""
    return "running" if found.is_running else "ended"


@dataclass
class ShownEntry:
    entry: Entry
    body: SafeString
    authors: list[Author]


@dataclass
class Stream:
    coverage: Coverage
    pinned: list[ShownEntry]
    entries: list[ShownEntry]
    page: KeysetPage


def published_entries(coverage_pk: int):
    return Entry.objects.published().filter(coverage_id=coverage_pk)


def stream(coverage: Coverage, query: QueryDict) -> Stream:
    """The page of the stream the query asks for (?before=… for older entries): three queries,
    and one more when entries show photos."""
    unpinned = published_entries(coverage.pk).filter(pinned=Entry.Pin.NONE)
    page = keyset_page(unpinned, query, settings.LIVE_ENTRIES_PER_PAGE)
    pinned = []
    if not page.position:
        pinned = list(published_entries(coverage.pk).exclude(pinned=Entry.Pin.NONE))
    entries = pinned + list(page.object_list)
    shown = draw(entries)
    return Stream(coverage, shown[: len(pinned)], shown[len(pinned) :], page)


def draw(entries: list[Entry]) -> list[ShownEntry]:
    """Entries with their bylines and bodies (inline photos through the rendition path), in
    one query for all the bylines and one for all the photos."""
    if not entries:
        return []
    through = Entry.authors.through
    bylines: dict[int, list[Author]] = {entry.pk: [] for entry in entries}
    links = (
        through.objects.filter(entry_id__in=bylines)
        .select_related("author")
        .order_by("author__name", "author_id")
    )
    for link in links:
        bylines[link.entry_id].append(link.author)
    photo_ids = {
        use.photo_id
        for entry in entries
        if body.has_photos(entry.body_html)
        for use in body.outline(entry.body_html).photos
    }
    photos = Photo.objects.in_bulk(photo_ids) if photo_ids else {}
    return [
        ShownEntry(entry, body.render(entry.body_html, photos, {}), bylines[entry.pk])
        for entry in entries
    ]


def page_address(entry: Entry) -> str:
    """The address of the stream's page that holds this entry, with its anchor."""
    anchor = f"#entry-{entry.pk}"
    url = entry.coverage.article.get_absolute_url()
    if entry.pinned:
        return url + anchor
    newer = (
        published_entries(entry.coverage_id)
        .filter(pinned=Entry.Pin.NONE, published_at__gte=entry.published_at)
        .exclude(published_at=entry.published_at, pk__lte=entry.pk)
    )
    if newer.count() < settings.LIVE_ENTRIES_PER_PAGE:
        return url + anchor
    # A page starting just above it ("older than a place right before this entry").
    moment = (entry.published_at - EPOCH) // timedelta(microseconds=1)
    return f"{url}?before={moment}_{entry.pk + 1}{anchor}"
