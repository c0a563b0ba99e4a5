import uuid
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from edge.keys import shown
from newsroom.text import printable

from . import renditions
from .images import clean_original

# What a storage that does not answer raises: a disk (OSError), or S3-compatible object
# storage through boto (botocore's errors), when it is installed.
try:
    from botocore.exceptions import BotoCoreError, ClientError

    STORAGE_ERRORS: tuple[type[Exception], ...] = (OSError, BotoCoreError, ClientError)
except ImportError:  # django-storages' S3 backend is optional
    STORAGE_ERRORS = (OSError,)


def photo_upload_to(instance: "Photo", filename: str) -> str:
    """Store originals under a generated name: an uploaded file name can identify a source."""
    extension = PurePath(filename).suffix.lower()
    return f"photos/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{extension}"


class Photo(models.Model):
    image = models.ImageField(
        _("Image"),
        upload_to=photo_upload_to,
        width_field="width",
        height_field="height",
        help_text=_(
            "JPEG, PNG or WebP. Location, camera and other hidden data are removed on upload."
        ),
    )
    width = models.PositiveIntegerField(editable=False)
    height = models.PositiveIntegerField(editable=False)
    caption = models.TextField(
        _("Caption"),
        blank=True,
        validators=[printable],
        help_text=_("What the photo shows, as readers will see it under it."),
    )
    credit = models.CharField(
        _("Credit"),
        max_length=200,
        blank=True,
        validators=[printable],
        help_text=_("Photographer and agency, e.g. 'Reuters'."),
    )
    alt_text = models.CharField(
        _("Alt text"),
        max_length=300,
        blank=True,
        validators=[printable],
        help_text=_(
            "Describes the photo for readers who cannot see it. A story using the photo cannot "
            "be published without it."
        ),
    )
    focal_point_x = models.PositiveIntegerField(
        _("Focal point x"),
        null=True,
        blank=True,
        help_text=_(
            "Click the photo to set where crops should centre, or enter pixels from the left."
        ),
    )
    focal_point_y = models.PositiveIntegerField(
        _("Focal point y"), null=True, blank=True, help_text=_("Pixels from the top.")
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-uploaded_at", "-pk"]
        permissions = [
            ("take_down_photo", "Can take a photo down for safety (deleted with its files at once)")
        ]

    def __str__(self) -> str:
        return self.caption[:80] or self.alt_text[:80]

    def save(self, *args, **kwargs) -> None:
        self.store_files()
        super().save(*args, **kwargs)

    def store_files(self) -> None:
        """Write a new upload's cleaned original, and the renditions of a new original or crop.

        Forms call it while they validate, so a storage that does not answer is a form error
        and no row is written; save() calls it too, for everything else. Raises one of
        STORAGE_ERRORS when the storage fails.
        """
        if self.image and not self.image._committed:
            # The stored original never carries the uploaded file's metadata or name.
            cleaned = clean_original(self.image)
            self.image.save(cleaned.name, cleaned, save=False)
            self.focal_point_x = self.focal_point_y = None
        if self.image and self.source != getattr(self, "_stored_source", None):
            # The files of the previous crop or original stay: pages cached by readers and
            # CDNs still show them. prune_media removes them once no cached page can.
            self.__dict__.pop("all_renditions", None)
            self.make_renditions()
            self._stored_source = self.source

    def clean(self) -> None:
        if (self.focal_point_x is None) != (self.focal_point_y is None):
            raise ValidationError("Give both focal point coordinates, or neither.")
        if self.width and self.focal_point_x is not None and self.focal_point_x >= self.width:
            raise ValidationError(
                {"focal_point_x": f"The photo is {self.width} pixels wide; choose a smaller x."}
            )
        if self.height and self.focal_point_y is not None and self.focal_point_y >= self.height:
            raise ValidationError(
                {"focal_point_y": f"The photo is {self.height} pixels high; choose a smaller y."}
            )

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        photo = super().from_db(db, field_names, values, **kwargs)
        if "image" in photo.__dict__:  # not a deferred load
            photo._stored_source = photo.source
        # A reader page loading a photo shows it: a new credit must purge that page (issue #20).
        shown(f"photo:{photo.pk}")
        return photo

    # Renditions: the one door into them. Pages never show the original.

    @property
    def source(self) -> renditions.Source:
        """What this photo's renditions are made from and named after."""
        return renditions.Source(
            self.image.name, self.width, self.height, self.focal_point_x, self.focal_point_y
        )

    def make_renditions(self) -> list[renditions.Rendition]:
        """Make any of this photo's renditions that are missing from the storage."""
        return renditions.generate(self.image.storage, self.source)

    @cached_property
    def all_renditions(self) -> list[renditions.Rendition]:
        return renditions.plan(self.source)

    def rendition(self, role: str, fmt: str = "jpeg") -> renditions.Rendition:
        """The largest rendition of a role in one format, e.g. the 1200x630 share image."""
        return [r for r in self.all_renditions if r.role == role and r.format == fmt][-1]

    def url(self, role: str, fmt: str = "jpeg") -> str:
        return self.image.storage.url(self.rendition(role, fmt).name)

    @property
    def share_image(self) -> renditions.Rendition:
        """The image link previews and feeds show: 1200x630 JPEG."""
        return self.rendition("og")
