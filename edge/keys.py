"""What a reader response shows, as surrogate keys a CDN can purge by (issue #20).

While a reader page is drawn, the reading layer names what it puts on the page: every story
loaded for it (Article.from_db), every photo (Photo.from_db), the section, tag or author a
listing is of, the site-wide lists ("latest"). The keys are the ones pagecache.changes hands
out when something changes, so a change purges exactly the pages that show it. Collection is
per request (a context variable): outside a reader request, shown() does nothing.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

CHROME = "chrome"  # the same key as pagecache.changes.CHROME: site name, menu, footer
LATEST = "latest"  # the site's newest stories: home page, main feed, news sitemap
SITEMAPS = "sitemaps"  # every sitemap page (each story's last change is on one)
CORRECTIONS = "corrections"  # the corrections page

_collected: ContextVar[set[str] | None] = ContextVar("edge_keys", default=None)


@contextmanager
def collecting() -> Iterator[set[str]]:
    """Collect the keys of what is shown until the block ends; yields the growing set."""
    keys: set[str] = {CHROME}
    token = _collected.set(keys)
    try:
        yield keys
    finally:
        _collected.reset(token)


def shown(*keys: str) -> None:
    """The page being drawn shows these (no-op outside a reader request)."""
    collected = _collected.get()
    if collected is not None:
        collected.update(keys)
