from django import forms

from .images import inspect_upload
from .models import Photo


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
