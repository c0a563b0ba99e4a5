import hashlib
import secrets

from django.conf import settings
from django.core.cache import cache
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


def key_cache_name(key_hash: str) -> str:
    """Where the gateway remembers a key's limit for a minute (api.gateway)."""
    return f"api-key:{key_hash}"


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

    def save(self, *args, **kwargs) -> None:
        super().save(*args, **kwargs)
        self.forget()

    def delete(self, *args, **kwargs):
        self.forget()
        return super().delete(*args, **kwargs)

    def forget(self) -> None:
        """Every process sees a changed, replaced or deleted key at its next request."""
        cache.delete_many(
            [key_cache_name(h) for h in [self.key_hash, *getattr(self, "_replaced", [])] if h]
        )

    def issue(self) -> str:
        """Give the row a new random key and return it: the only time it is seen whole."""
        key = secrets.token_urlsafe(KEY_BYTES)
        self._replaced = getattr(self, "_replaced", []) + [self.key_hash]
        self.prefix, self.key_hash = key[:8], hash_key(key)
        return key
