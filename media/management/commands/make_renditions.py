from django.core.management.base import BaseCommand

from media.models import Photo


class Command(BaseCommand):
    help = (
        "Make any missing renditions for every photo (after restoring files, changing sizes or "
        "bumping RENDITIONS_VERSION). Existing files are reused."
    )

    def handle(self, *args, **options) -> None:
        count = 0
        for photo in Photo.objects.order_by("pk").iterator():
            photo.make_renditions()
            count += 1
        self.stdout.write(f"Renditions ready for {count} photos.")
