"""Purges the CDN did not take: kept until a retry gets through (edge.purging)."""

from django.db import models
from django.utils import timezone


class PendingPurge(models.Model):
    keys = models.TextField(help_text="The surrogate keys to purge, separated by spaces.")
    attempts = models.PositiveIntegerField(default=1)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    next_attempt_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = "pending purge"

    def __str__(self) -> str:
        return f"Purge of {self.keys[:80]} ({self.attempts} attempts)"

    @property
    def key_list(self) -> list[str]:
        return self.keys.split()
