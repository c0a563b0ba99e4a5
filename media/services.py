"""Writes to photos that go beyond one form: the safety takedown."""

from django.contrib.admin.models import DELETION, LogEntry
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import QuerySet

from .models import Photo
from .pruning import remove_original_and_renditions

TAKEDOWN_MESSAGE = "Taken down for safety: deleted with its original and every rendition."


@transaction.atomic
def take_down(*, photos: QuerySet[Photo], user: AbstractBaseUser) -> int:
    """Delete photos and, once that is committed, every file of theirs at once.

    Unlike an ordinary delete, nothing waits for prune_media: a photo that endangers someone
    must not stay reachable at its address. Stories lose it as their lead photo, and deleting
    it is a change readers see, so every cached page that showed it is dropped.
    """
    photos = list(photos)
    LogEntry.objects.log_actions(
        user_id=user.pk, queryset=photos, action_flag=DELETION, change_message=TAKEDOWN_MESSAGE
    )
    for photo in photos:
        storage, name = photo.image.storage, photo.image.name
        photo.delete()
        transaction.on_commit(lambda s=storage, n=name: remove_original_and_renditions(s, n))
    return len(photos)
