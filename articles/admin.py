from django.contrib import admin
from django.http import HttpRequest

from media.admin import photo_thumbnail
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

    def view_on_site(self, article: Article) -> str:
        """Readers' address once live; until then the staff-only preview."""
        return article.get_absolute_url() if article.is_live else article.get_preview_url()

    def formfield_for_foreignkey(self, db_field, request: HttpRequest, **kwargs):
        if db_field.name == "section":
            kwargs["form_class"] = SectionChoiceField
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
