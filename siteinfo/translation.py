"""The site's name, tagline and footer texts in each edition's language (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from .models import SiteLink, SiteSettings


@register(SiteSettings)
class SiteSettingsTranslation(TranslationOptions):
    fields = ("name", "tagline", "alternate_addresses_intro")


@register(SiteLink)
class SiteLinkTranslation(TranslationOptions):
    fields = ("label",)
