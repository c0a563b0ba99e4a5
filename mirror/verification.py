"""Checking a copy of the site: the manifest's signature, then every file's SHA-256.

Used by `verify_static`; it needs only the copy and the site's public key.
"""

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from . import signing

MANIFEST = "manifest.json"
SIGNATURE = "manifest.json.sig"


def file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass
class Report:
    signature_ok: bool = False
    changed: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    unlisted: list[str] = field(default_factory=list)
    checked: int = 0

    @property
    def ok(self) -> bool:
        return self.signature_ok and not (self.changed or self.missing or self.unlisted)


def verify(directory: Path, key: Ed25519PublicKey) -> Report:
    report = Report()
    manifest_path, signature_path = directory / MANIFEST, directory / SIGNATURE
    if not manifest_path.is_file() or not signature_path.is_file():
        report.missing = [
            name for name in (MANIFEST, SIGNATURE) if not (directory / name).is_file()
        ]
        return report
    data = manifest_path.read_bytes()
    report.signature_ok = signing.verify(data, signature_path.read_bytes(), key)
    if not report.signature_ok:
        return report
    files = json.loads(data)["files"]
    for name, expected in sorted(files.items()):
        path = directory / name
        if not path.is_file():
            report.missing.append(name)
        elif file_hash(path) != expected:
            report.changed.append(name)
        report.checked += 1
    listed = set(files) | {MANIFEST, SIGNATURE}
    for path in sorted(directory.rglob("*")):
        if path.is_file() and path.relative_to(directory).as_posix() not in listed:
            report.unlisted.append(path.relative_to(directory).as_posix())
    return report
