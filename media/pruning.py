"""Removing files no photo uses: replaced originals, old crops, deleted photos, failed saves.

Files are never removed when a photo changes: pages that readers' browsers and CDNs cached
a few minutes earlier still show them. They go once they have been unused for longer than
any cached page lives, and `prune_media` (run from cron) is the one place that removes them.
"""

from collections.abc import Iterator
from datetime import timedelta

from django.core.files.storage import Storage
from django.utils import timezone

from . import renditions
from .models import Photo

ORIGINALS_FOLDER = "photos"
RENDITIONS_FOLDER = "renditions"


def walk(storage: Storage, folder: str) -> Iterator[str]:
    """Every file under a folder of the storage, however deep."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in files:
        yield f"{folder}/{name}"
    for name in folders:
        yield from walk(storage, f"{folder}/{name}")


def files_in_use() -> tuple[set[str], set[str]]:
    """The originals and the rendition folders of every photo."""
    originals, folders = set(), set()
    for name, focal_x, focal_y in Photo.objects.values_list(
        "image", "focal_point_x", "focal_point_y"
    ).iterator():
        originals.add(name)
        folders.add(renditions.rendition_folder(renditions.rendition_key(name, focal_x, focal_y)))
    return originals, folders


def prune(storage: Storage, unused_for: timedelta) -> list[str]:
    """Delete files no photo uses that were written longer ago than unused_for; their names."""
    cutoff = timezone.now() - unused_for
    originals, folders = files_in_use()
    unused = [name for name in walk(storage, ORIGINALS_FOLDER) if name not in originals] + [
        name for name in walk(storage, RENDITIONS_FOLDER) if name.rsplit("/", 1)[0] not in folders
    ]
    removed = []
    for name in unused:
        # Written before the cutoff: a photo saved since (or being saved now) made it later.
        if storage.get_modified_time(name) < cutoff:
            storage.delete(name)
            removed.append(name)
    return removed
