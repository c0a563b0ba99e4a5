from django import forms

from .images import inspect_upload
from .models import STORAGE_ERRORS, Photo


class PhotoUploadField(forms.ImageField):
    """An image field that refuses hostile or broken uploads with a message editors understand."""

    def to_python(self, data):
        # FileField's checks (no file, empty name, zero bytes) first; then ours replace
        # ImageField's generic "not an image" with the specific reason.
        upload = forms.FileField.to_python(self, data)
        if upload is not None:
            inspect_upload(upload)
        return upload


class PhotoForm(forms.ModelForm):
    image = PhotoUploadField(label="Image", help_text=Photo._meta.get_field("image").help_text)

    class Meta:
        model = Photo
        fields = ["image", "caption", "credit", "alt_text", "focal_point_x", "focal_point_y"]
        widgets = {
            "caption": forms.Textarea(attrs={"rows": 3}),
        }

    def _post_clean(self) -> None:
        super()._post_clean()
        if self.errors:
            return
        # The files are written now, while the form can still say what went wrong: a storage
        # that does not answer costs the editor a retry, never a half-saved photo.
        try:
            self.instance.store_files()
        except STORAGE_ERRORS:
            self.add_error(
                "image" if self.instance.image and "image" in self.changed_data else None,
                "The photo store is not answering, so nothing was saved. Your text is kept "
                "below: try again in a minute (choose the file again).",
            )
