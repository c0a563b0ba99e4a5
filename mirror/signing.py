"""The mirror's signature: an Ed25519 key held outside the database (issue #17).

The private key comes from settings (MIRROR_SIGNING_KEY, or the file MIRROR_SIGNING_KEY_FILE),
as PEM or as its 32 raw bytes in base64. The public key is published at PUBLIC_KEY_PATH and in
the footer, and ships with nothing else: a copy is checked against the site's key, never
against a key found in the copy.
"""

import base64
import binascii
import hashlib
from functools import lru_cache

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

PUBLIC_KEY_PATH = ".well-known/newsroom-mirror-key.pem"


def _private_key_from(text: str) -> Ed25519PrivateKey:
    text = text.strip()
    if text.startswith("-----BEGIN"):
        key = serialization.load_pem_private_key(text.encode(), password=None)
        if not isinstance(key, Ed25519PrivateKey):
            raise ImproperlyConfigured("The mirror signing key must be an Ed25519 key.")
        return key
    try:
        raw = base64.b64decode(text, validate=True)
    except binascii.Error as error:
        raise ImproperlyConfigured("MIRROR_SIGNING_KEY is neither PEM nor base64.") from error
    if len(raw) != 32:
        raise ImproperlyConfigured("A base64 MIRROR_SIGNING_KEY must hold exactly 32 bytes.")
    return Ed25519PrivateKey.from_private_bytes(raw)


def private_key() -> Ed25519PrivateKey | None:
    """The configured signing key, or None where none is configured."""
    if settings.MIRROR_SIGNING_KEY:
        return _private_key_from(settings.MIRROR_SIGNING_KEY)
    if settings.MIRROR_SIGNING_KEY_FILE:
        try:
            with open(settings.MIRROR_SIGNING_KEY_FILE) as file:
                return _private_key_from(file.read())
        except OSError as error:
            raise ImproperlyConfigured(
                f"MIRROR_SIGNING_KEY_FILE cannot be read: {error}. Make it readable by the site, "
                "or make a key with: python manage.py mirror_key --new FILE"
            ) from error
    return None


@lru_cache(maxsize=4)
def _public_pem(private_pem: str, key_file: str) -> bytes | None:
    key = private_key()
    return None if key is None else public_pem(key.public_key())


def site_public_pem() -> bytes | None:
    """The site's public key as PEM (read once per process and setting)."""
    return _public_pem(settings.MIRROR_SIGNING_KEY, settings.MIRROR_SIGNING_KEY_FILE)


def public_pem(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def load_public_pem(data: bytes) -> Ed25519PublicKey:
    key = serialization.load_pem_public_key(data)
    if not isinstance(key, Ed25519PublicKey):
        raise ValueError("not an Ed25519 public key")
    return key


def fingerprint(pem: bytes) -> str:
    """A short, readable fingerprint of a public key: SHA-256 of its raw bytes, in groups."""
    raw = load_public_pem(pem).public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    digest = hashlib.sha256(raw).hexdigest()[:32]
    return " ".join(digest[n : n + 4] for n in range(0, 32, 4))


def sign(data: bytes, key: Ed25519PrivateKey) -> bytes:
    return base64.b64encode(key.sign(data)) + b"\n"


def verify(data: bytes, signature: bytes, key: Ed25519PublicKey) -> bool:
    try:
        key.verify(base64.b64decode(signature.strip()), data)
    except (InvalidSignature, binascii.Error, ValueError):
        return False
    return True


def new_private_pem() -> bytes:
    return Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
