from django.contrib import admin
from django.utils.html import format_html

from newsroom.admin import DeskAdmin

from .forms import PhotoForm
from .models import Photo


def photo_thumbnail(photo: Photo | None, width: int = 120) -> str:
    """A small preview of a photo for admin lists and forms, from its thumbnail rendition."""
    if photo is None or not photo.image:
        return "—"
    return format_html(
        '<img class="photo-thumbnail" src="{}" alt="{}" width="{}" loading="lazy">',
        photo.url("card"),
        photo.alt_text,
        width,
    )


@admin.register(Photo)
class PhotoAdmin(DeskAdmin):
    form = PhotoForm
    list_display = ["thumbnail", "caption", "credit", "size", "uploaded_at"]
    list_display_links = ["thumbnail", "caption"]
    search_fields = ["caption", "credit", "alt_text"]
    fieldsets = [
        (None, {"fields": ["image", "caption", "credit", "alt_text"]}),
        (
            "Focal point",
            {
                "fields": ["focal_point_editor", "focal_point_x", "focal_point_y"],
                "description": "Crops for cards and thumbnails centre on this point.",
            },
        ),
    ]
    readonly_fields = ["focal_point_editor"]
    date_hierarchy = "uploaded_at"

    class Media:
        css = {"all": ["newsroom_admin/admin.css"]}
        js = ["newsroom_admin/photo_preview.js", "newsroom_admin/focal_point.js"]

    @admin.display(description="Photo")
    def thumbnail(self, photo: Photo) -> str:
        return photo_thumbnail(photo, width=80)

    @admin.display(description="Size")
    def size(self, photo: Photo) -> str:
        return f"{photo.width} × {photo.height}"

    @admin.display(description="Click the photo to set its focal point")
    def focal_point_editor(self, photo: Photo) -> str:
        if not photo.pk:
            return "Save the photo first, then set its focal point here."
        return format_html(
            '<div class="focal-point" data-width="{}" data-height="{}" data-x="{}" data-y="{}">'
            '<img src="{}" alt="{}"><span class="focal-point__marker" hidden></span></div>',
            photo.width,
            photo.height,
            "" if photo.focal_point_x is None else photo.focal_point_x,
            "" if photo.focal_point_y is None else photo.focal_point_y,
            photo.url("lead"),
            photo.alt_text,
        )
