from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DeskProfile(models.Model):
    """What a member of staff chose for themselves: the language the admin speaks to them."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="desk_profile"
    )
    language = models.CharField(
        _("Language of the admin"),
        max_length=10,
        blank=True,
        choices=settings.LANGUAGES,
        help_text=_("Empty: the language your browser asks for."),
    )

    def __str__(self) -> str:
        return f"{self.user}: {self.language or 'browser language'}"
