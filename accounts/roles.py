"""The desk's roles as permission groups: the one definition of their names and rights.

Groups are made and reset after every `migrate` (a post-migrate step, see accounts.apps) and by
`python manage.py sync_roles`. Permissions that do not exist yet (an app not migrated so far)
are skipped and picked up by the next sync, so no migration depends on this module.
"""

import logging
from dataclasses import dataclass

from django.apps import apps as global_apps
from django.db.models import Q

logger = logging.getLogger(__name__)

REPORTER = "Reporter"
EDITOR = "Editor"
SITE_ADMIN = "Site admin"


def _all(app: str, model: str, actions=("view", "add", "change", "delete")) -> list[str]:
    return [f"{app}.{action}_{model}" for action in actions]


@dataclass(frozen=True)
class Role:
    name: str
    permissions: tuple[str, ...]
    # Members must use two-factor sign-in wherever settings.TWO_FACTOR_REQUIRED is on.
    two_factor: bool


_REPORTER = (
    # Drafts: write and file them; publishing is refused by the form (no publish_article).
    *_all("articles", "article", ("view", "add", "change")),
    "articles.view_author",
    *_all("articles", "correction", ("view",)),
    "sections.view_section",
    *_all("media", "photo", ("view", "add", "change")),
    *_all("taggit", "tag", ("view", "add")),
    # Live coverage: draft entries; posting directly is "live.post_entry", theirs if given.
    *_all("live", "entry", ("view", "add", "change")),
    "live.view_livecoverage",
)
_EDITOR = (
    # Everything on content and publishing, but a real delete of an article stays admin-only:
    # editors unpublish.
    *_all("articles", "article", ("view", "add", "change")),
    "articles.publish_article",
    *_all("articles", "author"),
    *_all("articles", "correction"),
    *_all("sections", "section"),
    *_all("media", "photo"),
    "media.take_down_photo",
    *_all("taggit", "tag"),
    *_all("live", "livecoverage", ("view", "add", "change")),
    *_all("live", "entry"),
    "live.post_entry",
)
# Source notes (issue #18): editors read every story's; Site admins run the site, not the
# stories, so they see who read notes (the log) but not the notes themselves.
_SOURCE_NOTES = "notes.read_source_notes"
_SITE_ADMIN = (
    *_EDITOR,
    "notes.view_sourcenoteaccess",
    "articles.delete_article",
    *_all("siteinfo", "sitesettings", ("view", "change")),
    *_all("siteinfo", "sitelink"),
    *_all("api", "apikey"),
    *_all("auth", "user"),
    *_all("auth", "group", ("view",)),
)

ROLES = {
    role.name: role
    for role in (
        Role(REPORTER, _REPORTER, two_factor=False),
        Role(EDITOR, (*_EDITOR, _SOURCE_NOTES), two_factor=True),
        Role(SITE_ADMIN, _SITE_ADMIN, two_factor=True),
    )
}
TWO_FACTOR_ROLES = frozenset(name for name, role in ROLES.items() if role.two_factor)


def sync_roles(apps=global_apps, **kwargs) -> None:
    """Create the groups and give each exactly its role's permissions (those that exist)."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role in ROLES.values():
        wanted = Q()
        for code in role.permissions:
            app_label, codename = code.split(".")
            wanted |= Q(content_type__app_label=app_label, codename=codename)
        found = list(Permission.objects.filter(wanted))
        if len(found) < len(role.permissions):
            have = {f"{p.content_type.app_label}.{p.codename}" for p in found}
            missing = sorted(set(role.permissions) - have)
            logger.info("Role %s: permissions not created yet: %s", role.name, ", ".join(missing))
        group, _ = Group.objects.get_or_create(name=role.name)
        group.permissions.set(found)
