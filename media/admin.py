from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponseNotAllowed, JsonResponse
from django.template.defaultfilters import pluralize
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.html import format_html

from newsroom.admin import DeskAdmin

from . import services
from .forms import PhotoForm
from .models import Photo


def photo_thumbnail(photo: Photo | None, width: int = 120) -> str:
    """A small preview of a photo for admin lists and forms, from its card rendition (3:2, the
    shape readers see on listings), never the original."""
    if photo is None or not photo.image:
        return "—"
    return format_html(
        '<img class="photo-thumbnail" src="{}" alt="{}" width="{}" loading="lazy">',
        photo.url("card"),
        photo.alt_text,
        width,
    )


# Photos the writing desk's chooser lists at once: enough to scan, few enough to draw quickly.
CHOOSER_RESULTS = 24


def photo_choice(photo: Photo) -> dict:
    """A photo as the body editor's chooser shows it: its own texts and a thumbnail rendition
    (never the original)."""
    return {
        "id": photo.pk,
        "caption": photo.caption,
        "credit": photo.credit,
        "alt": photo.alt_text,
        "thumbnail": photo.url("thumb"),
        "width": photo.width,
        "height": photo.height,
    }


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
    actions = ["take_down"]

    class Media:
        css = {"all": ["newsroom_admin/admin.css"]}
        js = ["newsroom_admin/photo_preview.js", "newsroom_admin/focal_point.js"]

    def get_urls(self):
        opts = self.model._meta
        chooser = [
            path(
                "chooser/",
                self.admin_site.admin_view(self.chooser_view),
                name=f"{opts.app_label}_{opts.model_name}_chooser",
            ),
            path(
                "chooser/upload/",
                self.admin_site.admin_view(self.chooser_upload_view),
                name=f"{opts.app_label}_{opts.model_name}_chooser_upload",
            ),
        ]
        return [*chooser, *super().get_urls()]

    def chooser_view(self, request: HttpRequest) -> JsonResponse:
        """The body editor's photo chooser: the library searched as the photo list searches it
        (caption, credit, alt text), newest first; or the photos with the given ids."""
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        photos = self.get_queryset(request)
        ids = [value for value in request.GET.getlist("id") if value.isdigit()]
        if ids:
            photos = photos.filter(pk__in=[int(value) for value in ids[:CHOOSER_RESULTS]])
        else:
            photos, _ = self.get_search_results(request, photos, request.GET.get("q", "").strip())
        return JsonResponse(
            {"results": [photo_choice(photo) for photo in photos[:CHOOSER_RESULTS]]}
        )

    def chooser_upload_view(self, request: HttpRequest) -> JsonResponse:
        """A new photo uploaded from the body editor, through the photo form's own checks (and
        its stripping of hidden data), logged as the photo admin logs an addition."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = self.form(request.POST, request.FILES)
        if not form.is_valid():
            return JsonResponse({"errors": form.errors.get_json_data()}, status=400)
        photo = form.save()
        self.log_addition(request, photo, [{"added": {}}])
        return JsonResponse(photo_choice(photo), status=201)

    def has_take_down_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("media.take_down_photo")

    @admin.action(
        description="Take down for safety (delete now, with every file)", permissions=["take_down"]
    )
    def take_down(self, request: HttpRequest, queryset):
        if request.POST.get("confirm") != "yes":
            context = {
                **self.admin_site.each_context(request),
                "title": "Take photos down for safety",
                "opts": self.model._meta,
                "photos": queryset,
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            }
            return TemplateResponse(request, "admin/media/photo/take_down.html", context)
        count = services.take_down(photos=queryset, user=request.user)
        self.message_user(
            request,
            f"{count} photo{pluralize(count)} taken down: deleted, files removed, pages refreshed.",
            messages.SUCCESS,
        )
        return None

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
