"""Values that only change when content does, kept in each process for one content generation.

The site's settings, its menu and the like are the same on every page until an editor changes
something, which starts a new generation (pagecache.models). Keeping them per generation spares
every uncached page their queries, and is exactly as fresh as the page cache.
"""

from collections.abc import Callable
from datetime import datetime
from typing import Any

from django.http import HttpRequest

from .generation import generations
from .models import State

_kept: dict[str, tuple[str, Any]] = {}


def content_state(request: HttpRequest | None = None) -> State | None:
    """The generation this request sees: read once, on first use (the page cache reads it first)."""
    if request is None:
        return generations().read()[0]
    if getattr(request, "content_state", None) is None:
        request.content_state = generations().read()[0]
    return request.content_state


def content_changed_at(request: HttpRequest) -> datetime:
    """When anything readers see last changed, anywhere on the site."""
    return content_state(request).changed_at


def per_generation(request: HttpRequest | None, name: str, compute: Callable[[], Any]) -> Any:
    """compute(), or the value it gave earlier in this process for the same generation.

    The value is shared by every request and thread of the process: treat it as read-only.
    """
    state = content_state(request)
    if state is None:  # the database does not answer: nothing can be known to be current
        return compute()
    generation = state.key
    kept = _kept.get(name)
    if kept and kept[0] == generation:
        return kept[1]
    value = compute()
    _kept[name] = (generation, value)
    return value


def forget() -> None:
    """Drop every kept value (tests, whose rolled-back databases repeat generations)."""
    _kept.clear()
