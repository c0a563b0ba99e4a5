from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from mirror import signing
from mirror.verification import verify


class Command(BaseCommand):
    help = (
        "Check a static copy of the site: the manifest's signature against the site's public "
        "key, then every file's SHA-256. Exits non-zero naming each file that differs."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path)
        parser.add_argument(
            "--public-key",
            type=Path,
            help="The site's public key (PEM), as published at /"
            f"{signing.PUBLIC_KEY_PATH}; by default this site's own.",
        )

    def handle(self, directory: Path, public_key: Path | None, **options):
        pem = public_key.read_bytes() if public_key else signing.site_public_pem()
        if pem is None:
            raise CommandError("No public key: pass --public-key FILE (from the site's address).")
        try:
            key = signing.load_public_pem(pem)
        except ValueError as error:
            raise CommandError(f"That is not an Ed25519 public key in PEM: {error}") from error
        report = verify(directory, key)
        if not report.signature_ok:
            missing = f" ({', '.join(report.missing)} missing)" if report.missing else ""
            raise CommandError(
                f"The manifest's signature does not match the site's key{missing}: "
                "this copy is not the site's."
            )
        problems = (
            [f"changed: {name}" for name in report.changed]
            + [f"missing: {name}" for name in report.missing]
            + [f"not in the manifest: {name}" for name in report.unlisted]
        )
        if problems:
            raise CommandError("The copy differs from the signed manifest:\n" + "\n".join(problems))
        fingerprint = signing.fingerprint(pem)
        self.stdout.write(
            f"Verified: signature good (key {fingerprint}), {report.checked} files match."
        )
