"""Where pages are kept: in this process's memory, or in the shared cache (Redis).

Kept pages are plain tuples (pagecache.middleware.Entry). The process's own store keeps them as
they are, with no pickling, and forgets the least recently read first; the shared store keeps
them in Django's cache, which Redis needs.
"""

import threading
from collections import OrderedDict
from typing import Any


class LocalPages:
    def __init__(self, max_entries: int):
        self.max_entries = max_entries
        self.pages: OrderedDict[str, Any] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: str) -> Any:
        with self.lock:
            entry = self.pages.get(key)
            if entry is not None:
                self.pages.move_to_end(key)
            return entry

    def set(self, key: str, entry: Any, timeout: int) -> None:
        # Lifetimes are checked when a page is read (Entry.expires_at), not here.
        with self.lock:
            self.pages[key] = entry
            self.pages.move_to_end(key)
            while len(self.pages) > self.max_entries:
                self.pages.popitem(last=False)

    def clear(self) -> None:
        with self.lock:
            self.pages.clear()

    def __len__(self) -> int:
        return len(self.pages)


class SharedPages:
    def __init__(self, cache):
        self.cache = cache

    def get(self, key: str) -> Any:
        return self.cache.get(key)

    def set(self, key: str, entry: Any, timeout: int) -> None:
        self.cache.set(key, entry, timeout)

    def clear(self) -> None:
        self.cache.clear()


class TieredPages:
    """Pages in this process's memory and in the shared cache: stored in both, read from the
    first that has them (the shared cache's copy is read in CacheCopy.read_with)."""

    def __init__(self, local: LocalPages, shared: SharedPages):
        self.local, self.shared = local, shared

    def get(self, key: str) -> Any:
        return self.local.get(key) or self.shared.get(key)

    def set(self, key: str, entry: Any, timeout: int) -> None:
        self.local.set(key, entry, timeout)
        self.shared.set(key, entry, timeout)

    def clear(self) -> None:
        self.local.clear()
        self.shared.clear()

    def __len__(self) -> int:
        return len(self.local)


# This process's pages: one store, whatever settings the generation reader is rebuilt with.
local_pages = LocalPages(max_entries=2000)
