import uuid
from pathlib import PurePath

from django.db import models
from django.utils import timezone


def photo_upload_to(instance: "Photo", filename: str) -> str:
    """Store originals under a generated name: an uploaded file name can identify a source."""
    extension = PurePath(filename).suffix.lower()
    return f"photos/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{extension}"


class Photo(models.Model):
    image = models.ImageField(
        "Image", upload_to=photo_upload_to, width_field="width", height_field="height"
    )
    width = models.PositiveIntegerField(editable=False)
    height = models.PositiveIntegerField(editable=False)
    caption = models.TextField(
        "Caption", blank=True, help_text="What the photo shows, as readers will see it under it."
    )
    credit = models.CharField(
        "Credit", max_length=200, blank=True, help_text="Photographer and agency, e.g. 'Reuters'."
    )
    alt_text = models.CharField(
        "Alt text",
        max_length=300,
        help_text="Describes the photo for readers who cannot see it. Required.",
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-uploaded_at", "-pk"]

    def __str__(self) -> str:
        return self.caption[:80] or self.alt_text[:80]
