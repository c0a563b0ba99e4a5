from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from notes import crypto
from notes.models import SourceNote


class Command(BaseCommand):
    help = (
        "Re-encrypt every source note under the newest key (the first of SOURCE_NOTES_KEYS). "
        "Run it after putting a new key first; then the old keys can be removed."
    )

    def handle(self, *args, **options):
        if not crypto.available():
            raise CommandError("SOURCE_NOTES_KEYS is empty: there is no key to rotate to.")
        rotated = 0
        locked = []
        # One transaction: either every note moves to the new key, or none does.
        with transaction.atomic():
            for note in SourceNote.objects.select_for_update().only("pk", "ciphertext"):
                try:
                    note.ciphertext = crypto.rotate(note.ciphertext)
                except crypto.Locked:
                    locked.append(note.pk)
                    continue
                note.save(update_fields=["ciphertext"])
                rotated += 1
            if locked:
                raise CommandError(
                    f"{len(locked)} note(s) open with none of the keys (ids "
                    f"{', '.join(map(str, locked[:20]))}): nothing was changed. Put back the "
                    "key they were written with, after the new one, and run this again."
                )
        self.stdout.write(f"{rotated} source note(s) re-encrypted under the newest key.")
