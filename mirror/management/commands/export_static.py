from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from mirror import signing
from mirror.export import export


class Command(BaseCommand):
    help = (
        "Write the public site as signed static files into DIR (a second run writes only what "
        "changed and removes pages of stories taken down)."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path)

    def handle(self, directory: Path, **options):
        key = signing.private_key()
        if key is None:
            raise CommandError(
                "No signing key: set MIRROR_SIGNING_KEY or MIRROR_SIGNING_KEY_FILE "
                "(make one with: python manage.py mirror_key --new FILE)."
            )
        result = export(directory, key)
        self.stdout.write(
            f"{result.files} files, {result.bytes / 1e6:.1f} MB in {directory}: "
            f"{len(result.written)} written, {result.unchanged} unchanged, "
            f"{len(result.removed)} removed, in {result.seconds:.1f} s."
        )
        for name in result.removed:
            self.stdout.write(f"removed {name}")
        if options["verbosity"] > 1:
            for name in result.written:
                self.stdout.write(f"wrote {name}")
