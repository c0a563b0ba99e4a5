"""Live coverage (issue #15): a story that gets a stream of short entries while news breaks.

Any article can be turned into live coverage: it keeps its headline, summary, photo, bylines
and tags, and gains entries, newest first, pinned ones on top. Readers see an entry once it is
published; reporters without the right to post directly write drafts an editor publishes.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import pgettext_lazy
from django_prose_editor.fields import ProseEditorField
from simple_history.models import HistoricalRecords

from articles.models import BODY_EDITOR_EXTENSIONS, Article, Author
from newsroom.html import html_to_text, sanitize_html
from newsroom.text import printable


class LiveCoverage(models.Model):
    article = models.OneToOneField(
        Article, verbose_name="Story", on_delete=models.CASCADE, related_name="live_coverage"
    )
    started_at = models.DateTimeField("Started", default=timezone.now)
    ended_at = models.DateTimeField(
        "Ended",
        null=True,
        blank=True,
        help_text="Once set, readers see “This live coverage has ended” and no entry can be posted.",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-started_at", "-pk"]
        verbose_name = "live coverage"
        verbose_name_plural = "live coverage"

    def __str__(self) -> str:
        return f"Live: {self.article.headline}"

    def get_absolute_url(self) -> str:
        return self.article.get_absolute_url()

    @property
    def is_running(self) -> bool:
        return self.ended_at is None


class EntryQuerySet(models.QuerySet):
    def published(self) -> "EntryQuerySet":
        """What readers of a live story see: published entries whose time has come."""
        return self.filter(status=Entry.Status.PUBLISHED, published_at__lte=timezone.now())


class Entry(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    class Pin(models.TextChoices):
        NONE = "", pgettext_lazy("live entry pin", "Not pinned")
        KEY_EVENT = "key_event", pgettext_lazy("live entry pin", "Key event")
        SUMMARY = "summary", pgettext_lazy("live entry pin", "Summary")

    coverage = models.ForeignKey(LiveCoverage, on_delete=models.CASCADE, related_name="entries")
    title = models.CharField(
        "Title", max_length=200, blank=True, validators=[printable], help_text="Optional."
    )
    body = ProseEditorField(
        "Update",
        blank=True,
        config={"extensions": BODY_EDITOR_EXTENSIONS},
        sanitize=False,
        validators=[printable],
    )
    body_html = models.TextField(editable=False, blank=True)
    authors = models.ManyToManyField(
        Author, verbose_name="Authors", blank=True, related_name="live_entries"
    )
    pinned = models.CharField(
        "Pin to the top",
        max_length=20,
        choices=Pin,
        blank=True,
        default=Pin.NONE,
        help_text="Pinned entries stay above the stream: the key events, or the summary.",
    )
    status = models.CharField("Status", max_length=20, choices=Status, default=Status.DRAFT)
    published_at = models.DateTimeField("Time", default=timezone.now)
    updated_at = models.DateTimeField("Updated", auto_now=True)
    correction = models.TextField(
        "Correction",
        blank=True,
        validators=[printable],
        help_text="Shown to readers under the entry: what was wrong and what is right now.",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = EntryQuerySet.as_manager()
    # Every version of every entry, deleted ones too: the stream stays in the story's history.
    history = HistoricalRecords(excluded_fields=["body_html"], m2m_fields=[authors])

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name_plural = "live entries"
        verbose_name = "live entry"
        permissions = [("post_entry", "Can post to live coverage directly")]
        indexes = [
            models.Index(
                fields=["coverage", "status", "-published_at"], name="live_entry_stream_idx"
            )
        ]

    def __str__(self) -> str:
        return self.title or html_to_text(self.body_html)[:60] or f"Entry {self.pk}"

    def save(self, *args, **kwargs) -> None:
        self.body_html = sanitize_html(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        """A permalink that keeps working: it opens the page of the stream holding the entry."""
        return reverse("live:entry", args=[self.pk])

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        entry = super().from_db(db, field_names, values, **kwargs)
        # Whether readers saw it before this save: unpublishing it changes their page too.
        entry.stored_status = getattr(entry, "status", None)
        return entry

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def was_updated(self) -> bool:
        """Edited after it went out (a minute's grace for a quick fix of a typo)."""
        return (self.updated_at - self.published_at).total_seconds() > 60
