"""Section names and descriptions in each edition's language (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Section


@register(Section)
class SectionTranslation(TranslationOptions):
    fields = ("name", "description")
