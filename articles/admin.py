from django.contrib import admin
from django.db.models import Count
from django.http import HttpRequest
from django.template.defaultfilters import pluralize
from django.urls import reverse
from django.utils.html import format_html

from media.admin import PhotoAdmin, photo_thumbnail
from media.models import Photo
from sections.forms import SectionChoiceField

from .models import Article, Author


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = [
        "thumbnail",
        "headline",
        "section",
        "status",
        "published_at",
        "editors_choice",
    ]
    list_display_links = ["thumbnail", "headline"]
    list_filter = ["status", "editors_choice", "section", "published_at"]
    list_select_related = ["section", "lead_photo"]
    search_fields = ["headline", "summary"]
    date_hierarchy = "published_at"
    # A full COUNT(*) on every page of 100,000 rows is the slowest part of a change list.
    show_full_result_count = False
    show_facets = admin.ShowFacets.NEVER
    list_per_page = 50
    prepopulated_fields = {"slug": ["headline"]}
    autocomplete_fields = ["lead_photo", "authors"]
    readonly_fields = ["lead_photo_preview"]
    fieldsets = [
        (None, {"fields": ["headline", "slug", "summary", "body"]}),
        ("Filing", {"fields": ["section", "tags", "authors"]}),
        ("Lead photo", {"fields": ["lead_photo", "lead_photo_preview", "lead_photo_caption"]}),
        ("Publishing", {"fields": ["status", "published_at", "editors_choice"]}),
    ]

    class Media:
        css = {"all": ["newsroom_admin/admin.css"]}

    def formfield_for_dbfield(self, db_field, request: HttpRequest, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name in {"summary", "lead_photo_caption"}:
            field.widget.attrs["rows"] = 3
        return field

    @admin.display(description="Photo")
    def thumbnail(self, article: Article) -> str:
        return photo_thumbnail(article.lead_photo, width=64)

    @admin.display(description="Current lead photo")
    def lead_photo_preview(self, article: Article) -> str:
        return photo_thumbnail(article.lead_photo, width=320)

    def lookup_allowed(self, lookup: str, value: str, request: HttpRequest) -> bool:
        # The photo list links here to show the articles that use one photo.
        return lookup == "lead_photo__id__exact" or super().lookup_allowed(lookup, value, request)

    def view_on_site(self, article: Article) -> str:
        """Readers' address once live; until then the staff-only preview."""
        return article.get_absolute_url() if article.is_live else article.get_preview_url()

    def formfield_for_foreignkey(self, db_field, request: HttpRequest, **kwargs):
        if db_field.name == "section":
            kwargs["form_class"] = SectionChoiceField
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class PhotoWithUsageAdmin(PhotoAdmin):
    """The photo list, with where each photo is used (media itself knows nothing of articles)."""

    list_display = [*PhotoAdmin.list_display, "used_in"]

    def get_queryset(self, request: HttpRequest):
        # An aggregate drops Meta.ordering, so it is restated for stable pagination.
        return (
            super()
            .get_queryset(request)
            .annotate(lead_count=Count("lead_of"))
            .order_by(*Photo._meta.ordering)
        )

    @admin.display(description="Used in", ordering="lead_count")
    def used_in(self, photo: Photo) -> str:
        if not photo.lead_count:
            return "Not used"
        url = reverse("admin:articles_article_changelist")
        return format_html(
            '<a href="{}?lead_photo__id__exact={}">{} article{}</a>',
            url,
            photo.pk,
            photo.lead_count,
            pluralize(photo.lead_count),
        )


admin.site.unregister(Photo)
admin.site.register(Photo, PhotoWithUsageAdmin)
