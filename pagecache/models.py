"""The content generation: one number that every cached page's key includes.

Any save or delete of content readers see bumps it, in the database, so every process and
every machine stops serving the pages cached before the change on its very next request.
"""

import uuid
from datetime import UTC, datetime
from typing import NamedTuple

from django.apps import apps
from django.db import connection, models
from django.db.models import F
from django.utils import timezone


def new_epoch() -> str:
    return uuid.uuid4().hex


class Current(NamedTuple):
    key: str
    changed_at: datetime


class Generation(models.Model):
    value = models.PositiveBigIntegerField(default=1)
    # Part of every key with the value, and new at every bump: a bump rolled back with its
    # transaction, or a database restored or emptied (counting from 1 again), can never bring
    # back a key that pages or per-generation values were kept under.
    epoch = models.CharField(max_length=32, default=new_epoch)
    # When readers' content last changed anywhere: a page's Last-Modified is never earlier.
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "content generation"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def current(cls) -> Current:
        """The key part for pages cached now, e.g. "3f2a…:41", and when content last changed."""
        # Read by every request, cached page or not: a plain statement costs a quarter of
        # what the ORM spends building one.
        with connection.cursor() as cursor:
            table = connection.ops.quote_name(cls._meta.db_table)
            cursor.execute(f"SELECT epoch, value, changed_at FROM {table} WHERE id = 1")
            row = cursor.fetchone()
        if row is None:
            generation, _ = cls.objects.get_or_create(pk=1)
            row = (generation.epoch, generation.value, generation.changed_at)
        epoch, value, changed_at = row
        if timezone.is_naive(changed_at):  # SQLite's plain cursor: UTC, without the zone
            changed_at = changed_at.replace(tzinfo=UTC)
        return Current(f"{epoch}:{value}", changed_at)

    @classmethod
    def bump(cls) -> None:
        bumped = cls.objects.filter(pk=1).update(
            value=F("value") + 1, epoch=new_epoch(), changed_at=timezone.now()
        )
        if not bumped:
            cls.objects.get_or_create(pk=1)


def bump_on_change(sender, **kwargs) -> None:
    """Signal receiver: a change to a content model makes every cached page stale."""
    meta = getattr(sender, "_meta", None)
    if meta is None or meta.apps is not apps:
        return  # migrations' historical models: the generation table may not exist yet
    config = apps.get_app_config("pagecache")
    if meta.app_label in config.content_apps and meta.label not in IGNORED_MODELS:
        Generation.bump()


# Bookkeeping that readers never see: saving these must not empty the cache.
IGNORED_MODELS = {"articles.EditingPresence", "articles.HistoricalArticle"}
