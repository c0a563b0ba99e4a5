from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.urls import URLResolver, get_resolver
from django.utils.translation import gettext_lazy as _

from newsroom.addresses import address
from newsroom.text import printable

# Every section's feed is at <section>/feed/, so no section may be called that.
FEED = "feed"


def taken_addresses() -> frozenset[str]:
    """The first path segments the site itself answers (admin, tags, search, static files...),
    read from the URLconf: a top-level section may not take one, whatever is added later."""
    taken, patterns = set(), list(get_resolver().url_patterns)
    while patterns:
        pattern = patterns.pop()
        route = str(pattern.pattern)
        if route == "" and isinstance(pattern, URLResolver):
            patterns += pattern.url_patterns  # an app's addresses included at the root
            continue
        first = route.split("/", 1)[0]
        if first and "<" not in first and not first.startswith("^"):
            taken.add(first)
    for prefix in (settings.STATIC_URL, settings.MEDIA_URL):
        taken.add(prefix.strip("/").split("/", 1)[0])
    # Every edition's prefix (/ar/, /fr/), whichever language is active now.
    taken |= {code for code, _ in settings.LANGUAGES}
    return frozenset(taken)


class Section(models.Model):
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        help_text=_("Leave empty for a top-level section such as News or Business."),
    )
    name = models.CharField(max_length=100, validators=[printable])
    slug = models.SlugField(
        max_length=100,
        allow_unicode=True,
        help_text=_("The section's part of the web address, e.g. 'palestine'."),
    )
    description = models.TextField(
        blank=True,
        validators=[printable],
        help_text=_("One or two sentences shown at the top of the section page."),
    )
    position = models.PositiveSmallIntegerField(
        default=0, help_text=_("Sections are listed from the lowest number to the highest.")
    )
    show_in_navigation = models.BooleanField(
        _("Show in navigation"),
        default=True,
        help_text=_(
            "Top-level sections with this ticked appear in the site's menu and front page."
        ),
    )
    # Denormalised from the tree on save, so URLs, breadcrumbs and subtree
    # queries never walk the tree one query per level.
    path = models.CharField(max_length=255, unique=True, editable=False)
    root = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, editable=False, related_name="+"
    )

    class Meta:
        ordering = ["path"]
        constraints = [
            models.UniqueConstraint(
                fields=["parent", "slug"], name="unique_section_slug_in_parent"
            ),
            models.UniqueConstraint(
                fields=["slug"],
                condition=models.Q(parent=None),
                name="unique_top_level_section_slug",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @transaction.atomic
    def save(self, *args, **kwargs) -> None:
        old_path = self.path
        self.path = self.build_path()
        self.root_id = (self.parent.root_id or self.parent.pk) if self.parent else None
        super().save(*args, **kwargs)
        if old_path and old_path != self.path:
            # Each child recomputes its path from this one, and so on down the tree.
            for child in self.children.all():
                child.save()

    def get_absolute_url(self) -> str:
        return address("articles:section", self.path)

    @property
    def depth(self) -> int:
        return self.path.count("/")

    @property
    def tree_label(self) -> str:
        """The name indented by depth, for choosing a section from a flat list."""
        return f"{'— ' * self.depth}{self.name}"

    def build_path(self) -> str:
        return f"{self.parent.path}/{self.slug}" if self.parent else self.slug

    def clean(self) -> None:
        if self.slug and self.slug.isdigit():
            raise ValidationError({"slug": "A section's slug needs at least one letter."})
        if self.slug == FEED:
            raise ValidationError({"slug": f"'{FEED}' is the address of every section's feed."})
        if self.parent is None and self.slug in taken_addresses():
            raise ValidationError(
                {"slug": f"'{self.slug}' is used by the site itself; choose another slug."}
            )
        if self.parent and self.pk:
            node = self.parent
            while node is not None:
                if node.pk == self.pk:
                    raise ValidationError(
                        {"parent": "A section cannot sit inside itself or one of its subsections."}
                    )
                node = node.parent


class SectionTree:
    """Every section, read in one query: finding one by path, its breadcrumb, its subsections
    and the site's menu then cost none. A newsroom has dozens of sections, not thousands."""

    def __init__(self, sections: Iterable[Section]):
        self.by_path = {section.path: section for section in sections}

    @classmethod
    def load(cls, holding: Iterable[int] | None = None) -> "SectionTree":
        """Every section, or only those holding one of these sections (by id) or being one.

        Readers get the tree of sections with stories in them or below them: a section made
        ahead of a story that is not out yet must not show its name anywhere.
        """
        sections = list(Section.objects.order_by("position", "name"))
        if holding is None:
            return cls(sections)
        holding = set(holding)
        shown = {section.path for section in sections if section.pk in holding}
        return cls(
            section
            for section in sections
            if any(path == section.path or path.startswith(f"{section.path}/") for path in shown)
        )

    def get(self, path: str) -> Section | None:
        return self.by_path.get(path)

    def ancestors_and_self(self, section: Section) -> list[Section]:
        """The section and the ones above it, top first: a page's breadcrumb."""
        parts = section.path.split("/")
        prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
        return [self.by_path[prefix] for prefix in prefixes if prefix in self.by_path]

    def in_path_order(self) -> list[Section]:
        """Every section, each followed by its subsections: for choosing one from a list."""
        # By path segments: as plain text "news-extra" would sort between "news" and "news/uk".
        return sorted(self.by_path.values(), key=lambda section: section.path.split("/"))

    def subtree(self, section: Section) -> list[Section]:
        """The section and everything under it."""
        below = f"{section.path}/"
        return [
            other
            for path, other in self.by_path.items()
            if path == section.path or path.startswith(below)
        ]

    def children(self, section: Section) -> list[Section]:
        return [child for child in self.by_path.values() if child.parent_id == section.pk]

    def navigation(self) -> list[Section]:
        """Top-level sections shown in the menu and on the front page, in the desk's order."""
        return [
            section
            for section in self.by_path.values()
            if section.parent_id is None and section.show_in_navigation
        ]
