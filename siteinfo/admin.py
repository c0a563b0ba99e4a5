from django.contrib import admin
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from newsroom.admin import DeskAdmin

from .models import SiteLink, SiteSettings


class SiteLinkInline(TranslationTabularInline):
    model = SiteLink
    extra = 1
    fields = ["kind", "label", "url", "position"]


@admin.register(SiteSettings)
class SiteSettingsAdmin(TranslationAdmin, DeskAdmin):
    """The site's name, tagline and footer, with a field per edition's language for each text
    readers see (a text left empty reads as the default language's)."""

    inlines = [SiteLinkInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def changelist_view(self, request: HttpRequest, extra_context=None):
        """There is one settings row: the list page goes straight to it."""
        settings = SiteSettings.load()
        return HttpResponseRedirect(
            reverse("admin:siteinfo_sitesettings_change", args=[settings.pk])
        )
