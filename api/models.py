import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone

from newsroom.text import printable

# Shown to the Site admin once, when the key is made; only its hash is kept.
KEY_BYTES = 32


def default_limit() -> int:
    """A new key's limit: settings.API_KEY_RATE_LIMIT (a function, so migrations don't keep it)."""
    return settings.API_KEY_RATE_LIMIT


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class ApiKey(models.Model):
    """A key an app or partner sends (header X-Api-Key) for a higher rate limit than anyone's.

    The API is open to all without a key; a key only raises the limit, and names the client.
    """

    name = models.CharField(
        "Client",
        max_length=150,
        validators=[printable],
        help_text="Who uses this key: the app or partner, and a contact.",
    )
    prefix = models.CharField(max_length=8, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    requests_per_minute = models.PositiveIntegerField(
        "Requests per minute",
        default=default_limit,
        help_text="How many requests a minute this client may make.",
    )
    active = models.BooleanField(
        "Active", default=True, help_text="Untick to stop the key working at once."
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = "API key"

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    def issue(self) -> str:
        """Give the row a new random key and return it: the only time it is seen whole."""
        key = secrets.token_urlsafe(KEY_BYTES)
        self.prefix, self.key_hash = key[:8], hash_key(key)
        return key
