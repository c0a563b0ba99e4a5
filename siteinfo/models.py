from django.db import models
from django.utils.translation import gettext_lazy as _

from newsroom.text import printable, web_address


class SiteSettings(models.Model):
    """The one row of settings editors control: the site's name and its footer."""

    name = models.CharField(
        _("Site name"), max_length=100, default="Newsroom", validators=[printable]
    )
    tagline = models.CharField(
        _("Tagline"),
        max_length=200,
        blank=True,
        validators=[printable],
        help_text=_("A short line shown under the site name."),
    )
    main_address = models.URLField(
        _("Main address"),
        blank=True,
        validators=[web_address],
        help_text=_(
            "The site's own address, e.g. https://news.example.org. Canonical links, feeds and "
            "sitemaps always point here, whichever address a reader used."
        ),
    )
    onion_address = models.URLField(
        _("Onion address"),
        blank=True,
        validators=[web_address],
        help_text=_(
            "Optional Tor address, e.g. http://example….onion. Tor Browser users are offered it."
        ),
    )
    alternate_addresses_intro = models.CharField(
        _("Alternate addresses intro"),
        max_length=200,
        default="This site can also be reached at the following alternate addresses:",
        validators=[printable],
        help_text=_("The sentence shown in the footer above the list of alternate addresses."),
    )

    class Meta:
        verbose_name = _("site settings")
        verbose_name_plural = _("site settings")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.pk = 1
        super().save(*args, **kwargs)

    @classmethod
    def load(cls) -> "SiteSettings":
        """The settings row (made by a migration), or the defaults if it is missing.

        Never written here: reading a page must not change the database.
        """
        return cls.objects.prefetch_related("links").filter(pk=1).first() or cls(pk=1)

    def base_url(self, request) -> str:
        """Where absolute links point: the main address, or the address in use if none is set."""
        if self.main_address:
            return self.main_address.rstrip("/")
        return f"{request.scheme}://{request.get_host()}"

    def alternate_addresses(self) -> list["SiteLink"]:
        return [link for link in self.links.all() if link.kind == SiteLink.Kind.ALTERNATE_ADDRESS]

    def app_links(self) -> list["SiteLink"]:
        return [link for link in self.links.all() if link.kind == SiteLink.Kind.APP]


class SiteLink(models.Model):
    """A link in the footer: a mirror address readers can use where a domain is blocked, or an app."""

    class Kind(models.TextChoices):
        ALTERNATE_ADDRESS = "alternate", _("Alternate address")
        APP = "app", _("App")

    settings = models.ForeignKey(SiteSettings, on_delete=models.CASCADE, related_name="links")
    kind = models.CharField(_("Kind"), max_length=20, choices=Kind)
    label = models.CharField(
        _("Label"),
        max_length=100,
        validators=[printable],
        help_text=_("What readers see, e.g. 'news.example.net' or 'Android app'."),
    )
    url = models.URLField(_("Address"), max_length=300, validators=[web_address])
    position = models.PositiveSmallIntegerField(_("Position"), default=0)

    class Meta:
        ordering = ["kind", "position", "pk"]

    def __str__(self) -> str:
        return self.label
