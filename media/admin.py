from django.contrib import admin
from django.utils.html import format_html

from .models import Photo


def photo_thumbnail(photo: Photo | None, width: int = 120) -> str:
    """A small preview of a photo for admin lists and forms."""
    if photo is None or not photo.image:
        return "—"
    return format_html(
        '<img class="photo-thumbnail" src="{}" alt="{}" width="{}" loading="lazy">',
        photo.image.url,
        photo.alt_text,
        width,
    )


@admin.register(Photo)
class PhotoAdmin(admin.ModelAdmin):
    list_display = ["thumbnail", "caption", "credit", "width", "height", "uploaded_at"]
    list_display_links = ["thumbnail", "caption"]
    search_fields = ["caption", "credit", "alt_text"]
    fields = ["image", "preview", "caption", "credit", "alt_text"]
    readonly_fields = ["preview"]
    date_hierarchy = "uploaded_at"

    class Media:
        css = {"all": ["newsroom_admin/admin.css"]}
        js = ["newsroom_admin/photo_preview.js"]

    @admin.display(description="Photo")
    def thumbnail(self, photo: Photo) -> str:
        return photo_thumbnail(photo, width=80)

    @admin.display(description="Preview")
    def preview(self, photo: Photo) -> str:
        return photo_thumbnail(photo, width=480)
