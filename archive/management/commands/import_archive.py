from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from archive.archive import ArchiveError, import_archive


class Command(BaseCommand):
    help = "Load an archive made by export_archive into an empty database (after migrate)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options) -> None:
        try:
            counts = import_archive(file)
        except ArchiveError as error:
            raise CommandError(str(error)) from error
        summary = ", ".join(f"{count} {model}" for model, count in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Archive imported: {summary}."))
        self.stdout.write("Staff accounts have no password yet: set one with `changepassword`.")
