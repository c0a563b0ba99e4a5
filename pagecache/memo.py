"""Values that only change when content does, kept in each process for one content generation.

The site's settings, its menu and the next scheduled publish time are the same on every page
until an editor changes something, which bumps the generation (pagecache.models). Keeping
them per generation spares every uncached page their queries, and is exactly as fresh as the
page cache: the generation is read from the database on every request.
"""

from collections.abc import Callable
from datetime import datetime
from typing import Any

from django.http import HttpRequest

from .models import Generation

_kept: dict[str, tuple[str, Any]] = {}


def current_generation(request: HttpRequest) -> str:
    """The generation this request sees: read once, on first use."""
    if not hasattr(request, "content_generation"):
        request.content_generation = Generation.current()
    return request.content_generation.key


def content_changed_at(request: HttpRequest) -> datetime:
    """When anything readers see last changed, anywhere on the site."""
    current_generation(request)
    return request.content_generation.changed_at


def per_generation(
    request: HttpRequest,
    name: str,
    compute: Callable[[], Any],
    still_valid: Callable[[Any], bool] | None = None,
) -> Any:
    """compute(), or the value it gave earlier in this process for the same generation.

    The value is shared by every request and thread of the process: treat it as read-only.
    still_valid may refuse a kept value that time has made wrong (a publish time that passed).
    """
    generation = current_generation(request)
    kept = _kept.get(name)
    if kept and kept[0] == generation and (still_valid is None or still_valid(kept[1])):
        return kept[1]
    value = compute()
    _kept[name] = (generation, value)
    return value


def forget() -> None:
    """Drop every kept value (tests, whose rolled-back databases repeat generations)."""
    _kept.clear()
