"""The content generation: one number that every cached page is stored under.

Any change readers can see (pagecache.changes) bumps it in the database, in the transaction that
makes the change, so no process serves a page cached before the change once it knows the new
number (pagecache.generation says how every process learns it at once).
"""

import uuid
from datetime import UTC, datetime
from typing import NamedTuple

from django.conf import settings
from django.db import connection, models
from django.db.models import F
from django.utils import timezone
from django.utils.module_loading import import_string


def new_epoch() -> str:
    return uuid.uuid4().hex


class State(NamedTuple):
    """What a process needs to know about content: its key, and the times around it."""

    key: str  # "3f2a…:41": epoch and value
    changed_at: datetime  # when readers' content last changed anywhere
    next_change: datetime | None  # when a scheduled change (publish, expiry) is due

    def due(self, now: datetime) -> bool:
        """True once a scheduled change has come: the pages of this generation are out of date."""
        return self.next_change is not None and self.next_change <= now

    def dumps(self) -> str:
        due = "" if self.next_change is None else str(self.next_change.timestamp())
        return f"{self.key}|{self.changed_at.timestamp()}|{due}"

    @classmethod
    def loads(cls, text: str) -> "State | None":
        try:
            key, changed, due = text.split("|")
            return cls(
                key,
                datetime.fromtimestamp(float(changed), UTC),
                datetime.fromtimestamp(float(due), UTC) if due else None,
            )
        except ValueError:
            return None


def _aware(value: datetime | None) -> datetime | None:
    if value is not None and timezone.is_naive(value):  # SQLite's plain cursor: UTC, no zone
        return value.replace(tzinfo=UTC)
    return value


class Generation(models.Model):
    value = models.PositiveBigIntegerField(default=1)
    # Part of every key with the value, and new at every bump: a bump rolled back with its
    # transaction, or a database restored or emptied (counting from 1 again), can never bring
    # back a key that pages or per-generation values were kept under.
    epoch = models.CharField(max_length=32, default=new_epoch)
    # When readers' content last changed anywhere: a page's Last-Modified is never earlier.
    changed_at = models.DateTimeField(default=timezone.now)
    # The next scheduled change (a story going live or expiring): the generation is out of date
    # from then on, and the first request after it starts the next one (no cron job).
    next_change = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "content generation"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def current(cls) -> State:
        """The generation in the database, read with one plain statement."""
        # A plain statement costs a quarter of what the ORM spends building one.
        with connection.cursor() as cursor:
            table = connection.ops.quote_name(cls._meta.db_table)
            cursor.execute(
                f"SELECT epoch, value, changed_at, next_change FROM {table} WHERE id = 1"
            )
            row = cursor.fetchone()
        if row is None:
            generation, _ = cls.objects.get_or_create(pk=1)
            row = (generation.epoch, generation.value, generation.changed_at, None)
        epoch, value, changed_at, next_change = row
        return State(f"{epoch}:{value}", _aware(changed_at), _aware(next_change))

    @classmethod
    def bump(cls, *, only_if: str | None = None) -> bool:
        """Start a new generation (only_if: unless another process already left this one)."""
        now = timezone.now()
        rows = cls.objects.filter(pk=1)
        if only_if is not None:
            epoch, value = only_if.split(":")
            rows = rows.filter(epoch=epoch, value=int(value))
        next_change = import_string(settings.PAGE_CACHE_NEXT_CHANGE)(after=now)
        bumped = rows.update(
            value=F("value") + 1, epoch=new_epoch(), changed_at=now, next_change=next_change
        )
        if not bumped and only_if is None:
            cls.objects.get_or_create(pk=1, defaults={"next_change": next_change})
        return bool(bumped)
