"""Which changes readers can see, and what happens when one is made.

Each app that owns content says, for each of its models, which parts of the site a change to a
row shows on (`watch`): a set of keys such as "article:12" or "chrome", empty when readers
cannot see the row (a draft, an unused photo). Saving a draft therefore leaves every cached
page, its ETag and its Last-Modified alone. A change with keys starts a new content generation
in the same transaction, and once the transaction commits every process is told
(pagecache.generation). This module is the one list of content models; it knows none of them.
"""

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

CHROME = "chrome"  # what every page shows around its content: site name, menu, footer

KeysOf = Callable[[Any], Iterable[str]]
_watched: dict[type[Model], KeysOf] = {}
# Run after each commit that changed what readers see, with the keys it touched.
_after_commit: list[Callable[[set[str]], None]] = []
# The keys of what changed by itself between two times (stories going live or expiring).
_due: list[Callable[[datetime, datetime], Iterable[str]]] = []


def watch(model: type[Model], keys_of: KeysOf) -> None:
    """Treat saves and deletes of this model as changes readers see, where keys_of says so."""
    _watched[model] = keys_of


def after_commit(callback: Callable[[set[str]], None]) -> None:
    _after_commit.append(callback)


def watch_schedule(keys_due: Callable[[datetime, datetime], Iterable[str]]) -> None:
    """keys_due(since, until): the keys of what readers see change by itself in that time."""
    _due.append(keys_due)


def scheduled(since: datetime, until: datetime) -> None:
    """A scheduled change has come (pagecache.generation started its generation): hand what it
    touched to the after-commit callbacks, as for an editor's change (no cron job)."""
    keys = {key for keys_due in _due for key in keys_due(since, until)}
    if keys:
        for callback in _after_commit:
            callback(keys)


def changed(keys: Iterable[str], using: str = DEFAULT_DB_ALIAS) -> None:
    """Readers can see a change to these parts of the site: start a new content generation."""
    from .generation import generations
    from .models import Generation

    keys = set(keys)
    if not keys:
        return
    connection = connections[using]
    Generation.bump()
    # This process knows at once (even before the commit, in its own transaction); the others
    # once the commit has published it.
    generations().recheck()
    pending = connection.__dict__.setdefault("pagecache_pending", set())
    pending |= keys
    transaction.on_commit(lambda: _committed(connection), using=using, robust=True)


def _committed(connection) -> None:
    keys = connection.__dict__.pop("pagecache_pending", set())
    if keys:
        for callback in _after_commit:
            callback(keys)


def _keys(instance) -> set[str]:
    keys_of = _watched.get(type(instance)._meta.concrete_model)
    return set(keys_of(instance)) if keys_of else set()


def _on_save(sender, instance, raw=False, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    if not raw:  # fixtures and imports are loaded whole; the importer starts a generation
        changed(_keys(instance), using)


def _before_delete(sender, instance, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    # Before: what a row is shown with (an author's stories) is gone after the delete.
    instance._pagecache_keys = _keys(instance)


def _on_delete(sender, instance, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    changed(getattr(instance, "_pagecache_keys", None) or _keys(instance), using)


def _on_m2m(sender, instance, action, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    if action in {"post_add", "post_remove", "post_clear"}:
        changed(_keys(instance), using)


def connect() -> None:
    post_save.connect(_on_save, dispatch_uid="pagecache-save")
    pre_delete.connect(_before_delete, dispatch_uid="pagecache-before-delete")
    post_delete.connect(_on_delete, dispatch_uid="pagecache-delete")
    m2m_changed.connect(_on_m2m, dispatch_uid="pagecache-m2m")
