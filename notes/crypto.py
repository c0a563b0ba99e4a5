"""Encryption of source notes at rest: Fernet keys from the environment, newest first (#18).

The keys live only in SOURCE_NOTES_KEYS, never in the database or the repository, so a dump,
a backup or a stolen disk holds ciphertext alone. The first key encrypts; every key decrypts,
which lets a new key be put first and the notes re-encrypted under it
(`manage.py rotate_source_notes_key`) before the old one is dropped.
"""

from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.views.decorators.debug import sensitive_variables


class Locked(Exception):
    """The note cannot be read here: no key, or none of the keys is the one it was written with."""


@lru_cache(maxsize=4)
def _fernet(keys: tuple[str, ...]) -> MultiFernet | None:
    if not keys:
        return None
    try:
        return MultiFernet([Fernet(key) for key in keys])
    except ValueError as error:
        raise ImproperlyConfigured(
            "SOURCE_NOTES_KEYS must be Fernet keys (32 url-safe base64-encoded bytes each), "
            'comma-separated, newest first. Make one with: python -c "from cryptography.fernet '
            'import Fernet; print(Fernet.generate_key().decode())"'
        ) from error


def fernet() -> MultiFernet | None:
    """The keys in use, or None when this server has none."""
    return _fernet(tuple(settings.SOURCE_NOTES_KEYS))


def available() -> bool:
    return fernet() is not None


@sensitive_variables("text")
def encrypt(text: str) -> str:
    keys = fernet()
    if keys is None:
        raise Locked("This server has no key for source notes (SOURCE_NOTES_KEYS).")
    return keys.encrypt(text.encode()).decode("ascii")


def decrypt(token: str) -> str:
    keys = fernet()
    if keys is None:
        raise Locked("This server has no key for source notes (SOURCE_NOTES_KEYS).")
    try:
        return keys.decrypt(token.encode("ascii")).decode()
    except InvalidToken as error:
        raise Locked("None of this server's keys opens this note.") from error


def rotate(token: str) -> str:
    """The same note encrypted under the newest key."""
    keys = fernet()
    if keys is None:
        raise Locked("This server has no key for source notes (SOURCE_NOTES_KEYS).")
    try:
        return keys.rotate(token.encode("ascii")).decode("ascii")
    except InvalidToken as error:
        raise Locked("None of this server's keys opens this note.") from error
