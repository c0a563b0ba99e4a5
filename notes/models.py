"""Notes kept beside a story and never part of it (issue #18).

Source notes hold who said what and how to reach them: encrypted at rest (notes.crypto), read
only by the story's bylined authors and those given the permission, every read logged, and
deleted for good (no history of any kind). Desk notes are the staff's thread on a story: who
wrote what when, resolved or open, some blocking publication.
"""

from django.conf import settings
from django.db import models

from articles.models import Article
from newsroom.text import printable


class SourceNote(models.Model):
    """One source note on a story, stored only as ciphertext (read it through notes.services)."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="source_notes")
    ciphertext = models.TextField(editable=False)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    written_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["written_at", "pk"]
        # No add/change/delete/view: the notes pages decide who reads what (notes.access).
        default_permissions = ()
        permissions = [
            ("read_source_notes", "Can read and write the source notes of every story"),
        ]

    def __str__(self) -> str:
        return f"Source note {self.pk} on story {self.article_id}"


class SourceNoteAccess(models.Model):
    """Who read, wrote or deleted a story's source notes, and when: kept after the story goes."""

    class Action(models.TextChoices):
        READ = "read", "Read"
        WROTE = "wrote", "Wrote a note"
        DELETED = "deleted", "Deleted a note"

    article = models.ForeignKey(
        Article, null=True, on_delete=models.SET_NULL, related_name="+", db_index=True
    )
    # The story's headline and the user's name as they were: the log outlives both.
    headline = models.CharField("Story", max_length=300)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    username = models.CharField("Who", max_length=150)
    action = models.CharField(max_length=10, choices=Action, default=Action.READ)
    at = models.DateTimeField("When", auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-at", "-pk"]
        default_permissions = ("view",)
        verbose_name = "source notes access"
        verbose_name_plural = "source notes log"
        indexes = [models.Index(fields=["article", "-at"], name="notes_access_story_idx")]

    def __str__(self) -> str:
        return f"{self.username} {self.get_action_display().lower()} on “{self.headline}”"


class DeskNoteQuerySet(models.QuerySet):
    def open(self) -> "DeskNoteQuerySet":
        return self.filter(resolved_at__isnull=True)

    def blocking(self) -> "DeskNoteQuerySet":
        return self.open().filter(blocking=True)


class DeskNote(models.Model):
    """A staff note on a story, for the desk only: never shown to readers."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="desk_notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    text = models.TextField("Note", max_length=5000, validators=[printable])
    quote = models.TextField(
        "Quoted from the story",
        max_length=1000,
        blank=True,
        validators=[printable],
        help_text="Optional: the words of the story this note is about, copied exactly.",
    )
    blocking = models.BooleanField(
        "Blocks publishing",
        default=False,
        help_text="The story cannot be published or scheduled while this note is open.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = DeskNoteQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        # Who may read or write them is who may see the story (notes.access).
        default_permissions = ()
        indexes = [
            models.Index(
                fields=["article"],
                condition=models.Q(resolved_at__isnull=True),
                name="notes_desknote_open_idx",
            )
        ]

    def __str__(self) -> str:
        return f"Desk note {self.pk} on story {self.article_id}"

    @property
    def is_open(self) -> bool:
        return self.resolved_at is None
