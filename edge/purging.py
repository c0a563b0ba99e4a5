"""Purging the CDN of exactly what a change touched (issue #20).

pagecache.changes collects the keys every change of a transaction touches and, once it has
committed, hands them here as one batch: nothing is purged for a change rolled back, and a
CDN never refetches a page before the change is in the database. A purge is tried
EDGE_PURGE_ATTEMPTS times; if it still fails it is logged and kept (PendingPurge) and tried
again after each later purge and by `manage.py retry_purges`, with growing pauses. Nothing here
ever raises into the editor's save.
"""

import logging
import time
from collections.abc import Iterable
from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError
from django.utils import timezone

from . import backends
from .models import PendingPurge

logger = logging.getLogger(__name__)

MAX_PAUSE = timedelta(minutes=10)


def purge_after_commit(keys: set[str]) -> None:
    """pagecache.changes' after-commit callback: purge the keys, keep them if that fails."""
    backend = backends.configured()
    if backend is None or not keys:
        return
    try:
        sent = send(backend, keys)
    except backends.PurgeFailed as error:
        logger.warning("Purging %s failed (%s): kept to retry.", " ".join(sorted(keys)), error)
        keep(keys, str(error))
        return
    logger.info("Purged %s.", " ".join(sorted(keys)))
    if sent:
        retry_pending(backend)


def send(backend: backends.Backend, keys: Iterable[str]) -> bool:
    """Purge the keys in batches, each tried EDGE_PURGE_ATTEMPTS times; raises PurgeFailed."""
    for batch in backend.batches(sorted(set(keys))):
        for attempt in range(1, settings.EDGE_PURGE_ATTEMPTS + 1):
            try:
                backend.purge(batch)
                break
            except backends.PurgeFailed:
                if attempt == settings.EDGE_PURGE_ATTEMPTS:
                    raise
                time.sleep(0.05 * attempt)
    return True


def keep(keys: Iterable[str], error: str) -> None:
    try:
        PendingPurge.objects.create(
            keys=" ".join(sorted(keys)),
            last_error=error[:1000],
            next_attempt_at=timezone.now() + pause(1),
        )
    except DatabaseError:
        # The database is gone too: the keys are at least in the log, above.
        logger.exception("Could not keep the failed purge of %s.", " ".join(sorted(keys)))


def pause(attempts: int) -> timedelta:
    """How long to wait before trying a failed purge again: 5 s, 10 s, 20 s… up to 10 minutes."""
    return min(timedelta(seconds=5 * 2 ** (attempts - 1)), MAX_PAUSE)


def retry_pending(backend: backends.Backend | None = None, everything: bool = False) -> int:
    """Try the kept purges that are due (or all of them) in one batch; returns how many went."""
    backend = backend or backends.configured()
    if backend is None:
        return 0
    now = timezone.now()
    pending = PendingPurge.objects.all()
    if not everything:
        pending = pending.filter(next_attempt_at__lte=now)
    rows = list(pending)
    if not rows:
        return 0
    keys = {key for row in rows for key in row.key_list}
    try:
        send(backend, keys)
    except backends.PurgeFailed as error:
        for row in rows:
            row.attempts += 1
            row.last_error = str(error)[:1000]
            row.next_attempt_at = now + pause(row.attempts)
        PendingPurge.objects.bulk_update(rows, ["attempts", "last_error", "next_attempt_at"])
        logger.warning("Retrying %d kept purges failed (%s).", len(rows), error)
        return 0
    PendingPurge.objects.filter(pk__in=[row.pk for row in rows]).delete()
    logger.info("Retried %d kept purges.", len(rows))
    return len(rows)
