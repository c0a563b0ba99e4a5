from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand

from media.models import Photo
from media.pruning import prune


class Command(BaseCommand):
    help = (
        "Delete photo files no photo uses (replaced originals, old crops, deleted photos, "
        "uploads whose save failed) once they are older than any cached page. Run it from cron."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--minutes",
            type=int,
            default=settings.MEDIA_PRUNE_AFTER_MINUTES,
            help="Keep unused files younger than this (default: %(default)s).",
        )

    def handle(self, *args, minutes: int, **options) -> None:
        storage = Photo._meta.get_field("image").storage
        removed = prune(storage, timedelta(minutes=minutes))
        self.stdout.write(f"Removed {len(removed)} unused photo files.")
