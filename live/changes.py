"""Which live-coverage changes readers see (pagecache.changes): those on a published story."""

from articles.changes import article_keys
from pagecache.changes import watch

from .models import Entry, LiveCoverage


def coverage_keys(coverage: LiveCoverage) -> set[str]:
    return article_keys(coverage.article)


def entry_keys(entry: Entry) -> set[str]:
    # A draft entry changes nothing readers see, unless it was published before this save.
    if Entry.Status.PUBLISHED not in {entry.status, getattr(entry, "stored_status", None)}:
        return set()
    return article_keys(entry.coverage.article)


def watch_live() -> None:
    watch(LiveCoverage, coverage_keys)
    watch(Entry, entry_keys)
