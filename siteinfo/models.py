from django.db import models

from newsroom.text import printable, web_address


class SiteSettings(models.Model):
    """The one row of settings editors control: the site's name and its footer."""

    name = models.CharField("Site name", max_length=100, default="Newsroom", validators=[printable])
    tagline = models.CharField(
        "Tagline",
        max_length=200,
        blank=True,
        validators=[printable],
        help_text="A short line shown under the site name.",
    )
    main_address = models.URLField(
        "Main address",
        blank=True,
        validators=[web_address],
        help_text="The site's own address, e.g. https://news.example.org. Canonical links, feeds "
        "and sitemaps always point here, whichever address a reader used.",
    )
    onion_address = models.URLField(
        "Onion address",
        blank=True,
        validators=[web_address],
        help_text="Optional Tor address, e.g. http://example….onion. Tor Browser users are offered it.",
    )
    alternate_addresses_intro = models.CharField(
        "Alternate addresses intro",
        max_length=200,
        default="This site can also be reached at the following alternate addresses:",
        validators=[printable],
        help_text="The sentence shown in the footer above the list of alternate addresses.",
    )

    class Meta:
        verbose_name = "site settings"
        verbose_name_plural = "site settings"

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
        ALTERNATE_ADDRESS = "alternate", "Alternate address"
        APP = "app", "App"

    settings = models.ForeignKey(SiteSettings, on_delete=models.CASCADE, related_name="links")
    kind = models.CharField("Kind", max_length=20, choices=Kind)
    label = models.CharField(
        "Label",
        max_length=100,
        validators=[printable],
        help_text="What readers see, e.g. 'news.example.net' or 'Android app'.",
    )
    url = models.URLField("Address", max_length=300, validators=[web_address])
    position = models.PositiveSmallIntegerField("Position", default=0)

    class Meta:
        ordering = ["kind", "position", "pk"]

    def __str__(self) -> str:
        return self.label
