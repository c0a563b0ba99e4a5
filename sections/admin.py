from django.contrib import admin
from django.http import HttpRequest
from modeltranslation.admin import TranslationAdmin

from newsroom.admin import DeskAdmin

from .forms import SectionChoiceField
from .models import Section


@admin.register(Section)
class SectionAdmin(TranslationAdmin, DeskAdmin):
    """Sections, with their name and description in each edition's language."""

    list_display = ["indented_name", "path", "position", "show_in_navigation"]
    list_editable = ["position", "show_in_navigation"]
    list_filter = ["show_in_navigation"]
    search_fields = ["name", "path"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "parent", "description", "position", "show_in_navigation"]
    ordering = ["path"]

    @admin.display(description="Section", ordering="path")
    def indented_name(self, section: Section) -> str:
        return section.tree_label

    def formfield_for_foreignkey(self, db_field, request: HttpRequest, **kwargs):
        if db_field.name == "parent":
            kwargs["form_class"] = SectionChoiceField
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
