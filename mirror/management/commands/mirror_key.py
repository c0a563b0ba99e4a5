import os
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from mirror import signing


class Command(BaseCommand):
    help = "Make a new Ed25519 signing key for the static mirror in FILE (readable by you only)."

    def add_arguments(self, parser):
        parser.add_argument("--new", type=Path, required=True, metavar="FILE")

    def handle(self, new: Path, **options):
        if new.exists():
            raise CommandError(f"{new} exists: a new key would orphan copies signed with it.")
        pem = signing.new_private_pem()
        descriptor = os.open(new, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as file:
            file.write(pem)
        public = signing.public_pem(signing._private_key_from(pem.decode()).public_key())
        self.stdout.write(
            f"Wrote {new}. Set MIRROR_SIGNING_KEY_FILE={new.resolve()} for the site and for "
            f"export_static. Fingerprint: {signing.fingerprint(public)}"
        )
