"""How every process learns the content generation at once, without a query per request.

The database holds the generation (pagecache.models). Every process also reads a copy of it:
- with Redis (REDIS_URL), a key beside the pages, fetched with the page in one round trip;
- otherwise a small file beside the data (one machine, several processes): one read per request.
The copy is written after each commit that changes what readers see (pagecache.changes). It is
not trusted blindly: a process killed between its commit and the write, or a Redis that comes
back after an outage, could leave it behind. So each process also reads the database at most
every PAGE_CACHE_RECHECK_SECONDS and repairs the copy: a generation is exact in the usual case,
and never stale for longer than that. When the database does not answer, the copy alone serves
pages already cached.
"""

import hashlib
import logging
import os
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.core.signals import setting_changed
from django.db import DatabaseError, connection
from django.utils import timezone

from newsroom.logs import warn_every

from . import changes
from .models import Generation, State
from .store import LocalPages, SharedPages, TieredPages, local_pages

logger = logging.getLogger(__name__)


class FileCopy:
    """The generation in a file on this machine's disk, pages in the process's own memory."""

    def __init__(self, path: Path, pages: LocalPages):
        self.path, self.pages = path, pages
        self.seen: tuple[tuple, State | None] = ((), None)

    outages = 0  # a file does not go away

    def last_known(self) -> State | None:
        return self.state()

    def read_with(self, page_key: str | None) -> tuple[State | None, Any]:
        return self.state(), (self.pages.get(page_key) if page_key else None)

    def state(self) -> State | None:
        # Read again only when the file changed: a stat costs a microsecond. The file is
        # replaced whole each time (a new inode), so a change is seen even within the clock's
        # resolution, and the database check below bounds what could still slip through.
        try:
            stat = os.stat(self.path)
        except OSError:
            return None
        signature = (stat.st_ino, stat.st_mtime_ns, stat.st_size)
        seen_signature, seen_state = self.seen
        if signature != seen_signature:
            try:
                seen_state = State.loads(self.path.read_text())
            except OSError:
                return None
            self.seen = (signature, seen_state)
        return seen_state

    def write(self, state: State) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # Written whole, then renamed into place: a reader never sees half a line.
        handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".generation-")
        with os.fdopen(handle, "w") as file:
            file.write(state.dumps())
        os.replace(temporary, self.path)


class CacheCopy:
    """The generation in the shared cache (Redis), read in the same round trip as the page.

    Pages are kept in Redis for every process and machine, and the most read of them in this
    process too (PAGE_CACHE_LOCAL_ENTRIES): when Redis goes away or comes back empty, readers
    keep getting them at full speed.
    """

    KEY = "pagecache:generation"
    # The last generation written, kept without a time limit: while the database does not
    # answer, content cannot change, and this is what pages already kept were drawn in.
    LAST_KEY = "pagecache:generation:last"

    def __init__(self, cache, local: LocalPages):
        self.cache, self.local = cache, local
        self.pages = TieredPages(local, SharedPages(cache))

    @property
    def outages(self) -> int:
        """Times the cache failed: after one, what it holds is checked against the database."""
        return getattr(self.cache, "outages", 0)

    def read_with(self, page_key: str | None) -> tuple[State | None, Any]:
        found = self.cache.get_many([self.KEY, page_key] if page_key else [self.KEY])
        text = found.get(self.KEY)
        state = State.loads(text) if text else None
        if not page_key:
            return state, None
        page = self.local.get(page_key)
        if page is None and (page := found.get(page_key)) is not None:
            self.local.set(page_key, page, 0)
        return state, page

    def last_known(self) -> State | None:
        text = self.cache.get(self.LAST_KEY)
        return State.loads(text) if text else None

    def write(self, state: State) -> None:
        # Kept no longer than the interval processes check the database at: a copy written
        # before an outage, and not rewritten during it because Redis did not answer, is gone
        # by the time Redis is back, and the first reader after it reads the database.
        text = state.dumps()
        self.cache.set(self.KEY, text, timeout=max(settings.PAGE_CACHE_RECHECK_SECONDS, 1))
        self.cache.set(self.LAST_KEY, text, timeout=None)


class Generations:
    def __init__(self):
        if settings.PAGE_CACHE_SHARED:
            local_pages.max_entries = settings.PAGE_CACHE_LOCAL_ENTRIES
            self.copy = CacheCopy(caches[settings.PAGE_CACHE_ALIAS], local_pages)
        else:
            # One file per database: a development server and the tests never share one.
            database = connection.settings_dict
            name = f"{database['ENGINE']}|{database['NAME']}|{database.get('HOST')}|{database.get('PORT')}"
            digest = hashlib.sha256(name.encode()).hexdigest()[:16]
            path = Path(settings.PAGE_CACHE_GENERATION_DIR) / digest
            local_pages.max_entries = settings.PAGE_CACHE_MAX_ENTRIES
            self.copy = FileCopy(path, local_pages)
        self.pages = self.copy.pages
        self.checked_at = float("-inf")
        self.outages_seen = self.copy.outages
        # Whether the database answered the last check: if not, pages are served from the
        # cache without knowing for sure they are current, and say so.
        self.database_answers = True
        self.last_state: State | None = None
        self.lock = threading.Lock()

    def read(self, page_key: str | None = None) -> tuple[State | None, Any]:
        """The current generation, and the cached page under page_key if asked for."""
        state, page = self.copy.read_with(page_key)
        now = time.monotonic()
        # After an outage the shared cache may hold a generation from before changes made
        # meanwhile: it is checked at once, not at the next interval.
        outages = self.copy.outages
        if (
            state is None
            or outages != self.outages_seen
            or now - self.checked_at >= settings.PAGE_CACHE_RECHECK_SECONDS
        ):
            # Read after the copy: the copy is written after commit, so the database is never
            # older than it here, and a repair never puts an older generation back.
            try:
                stored = Generation.current()
            except DatabaseError:
                self.database_answers = False
                # Nothing can change while the database is down: the generation last seen is
                # the one pages already kept were drawn in.
                state = state or self.last_state or self.copy.last_known()
                warn_every(
                    logger,
                    "database-down",
                    "The database is not answering: pages already kept are served from the "
                    "cache, others get 503.",
                )
                return state, page
            self.database_answers = True
            self.last_state = stored
            self.checked_at = now
            if state is not None:
                # Only a copy read after the outage counts: one read during it proves nothing.
                self.outages_seen = outages
            if stored != state:
                self.publish(stored)
                state = stored
        if state.due(timezone.now()):
            state = self.advance(state)
        return state, page

    def recheck(self) -> None:
        """Read the database on the next request: this process has just changed content."""
        self.checked_at = float("-inf")

    def advance(self, state: State) -> State:
        """A scheduled change has come: the first process to notice starts the next generation."""
        with self.lock:
            try:
                bumped = Generation.bump(only_if=state.key)
                new_state = Generation.current()
            except DatabaseError:
                return state
            self.publish(new_state)
            if bumped:
                # Only the process that started the generation: what went live or expired
                # since the last one is purged from CDNs once (edge.purging).
                try:
                    changes.scheduled(state.changed_at, new_state.changed_at)
                except DatabaseError:
                    logger.exception("Could not read what the scheduled change touched.")
            return new_state

    def publish(self, state: State) -> None:
        self.copy.write(state)


_generations: Generations | None = None


def generations() -> Generations:
    global _generations
    if _generations is None:
        _generations = Generations()
    return _generations


def publish_current(keys: set[str]) -> None:
    """After a commit that changed what readers see: tell every process."""
    try:
        generations().publish(Generation.current())
    except DatabaseError:
        logger.exception("Could not read the new content generation to publish it.")


def _reset(setting: str, **kwargs) -> None:
    global _generations
    if setting.startswith("PAGE_CACHE") or setting in {"CACHES", "DATABASES"}:
        _generations = None


setting_changed.connect(_reset, dispatch_uid="pagecache-generations-reset")
