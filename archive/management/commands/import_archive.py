from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from archive.archive import ArchiveError, import_archive


class Command(BaseCommand):
    help = "Load an archive made by export_archive into an empty database (after migrate)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--trust-accounts",
            action="store_true",
            help="Keep the archive's staff and superuser flags and role groups (accounts still "
            "come without passwords). Only for an archive you made yourself.",
        )

    def handle(self, *args, file: Path, trust_accounts: bool, **options) -> None:
        try:
            counts = import_archive(file, trust_accounts=trust_accounts)
        except ArchiveError as error:
            raise CommandError(str(error)) from error
        summary = ", ".join(f"{count} {model}" for model, count in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Archive imported: {summary}."))
        self.stdout.write(
            "Accounts have no password yet: set one with `changepassword`."
            + (
                ""
                if trust_accounts
                else " They have no staff rights or roles either: give "
                "them in the admin, or import with --trust-accounts."
            )
        )
