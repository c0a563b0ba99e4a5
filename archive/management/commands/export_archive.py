from pathlib import Path

from django.core.management.base import BaseCommand, CommandParser

from archive.archive import export_archive


class Command(BaseCommand):
    help = "Write the whole archive (content, revisions, photos, site settings) to one zip file."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options) -> None:
        counts = export_archive(file)
        summary = ", ".join(f"{count} {model}" for model, count in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Archive written to {file}: {summary}."))
