"""Removing photo files: the one module that deletes them.

Files are never removed when a photo changes: pages that readers' browsers and CDNs cached
a few minutes earlier still show them. They go once they have been unused for longer than
any cached page lives (`prune_media`, run from cron), or at once when an editor takes a photo
down for safety, or when an import that wrote them fails.
"""

from collections.abc import Iterator
from datetime import timedelta

from django.core.files.storage import Storage
from django.utils import timezone

from . import renditions
from .models import Photo

ORIGINALS_FOLDER = "photos"
RENDITIONS_FOLDER = "renditions"
SOURCE_FIELDS = ("image", "width", "height", "focal_point_x", "focal_point_y")


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
    """The originals and the rendition folders (of their current crop) of every photo."""
    originals, folders = set(), set()
    for photo in Photo.objects.only(*SOURCE_FIELDS).iterator():
        originals.add(photo.image.name)
        folders.add(renditions.crop_folder(photo.source))
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


def remove_original_and_renditions(storage: Storage, image_name: str) -> list[str]:
    """Delete an original and every rendition ever made from it, whatever its crop; their names."""
    folder = renditions.rendition_folder(renditions.image_key(image_name))
    removed = [*walk(storage, folder)]
    if storage.exists(image_name):
        removed.append(image_name)
    for name in removed:
        storage.delete(name)
    return removed
