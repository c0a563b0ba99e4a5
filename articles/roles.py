"""The desk's roles as permission groups: one definition, used by a migration and by `sync_roles`."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions

CONTENT_MODELS = {
    "articles": ["article", "author", "correction"],
    "sections": ["section"],
    "media": ["photo"],
    "taggit": ["tag"],
}


def _all(app: str, model: str, actions=("view", "add", "change", "delete")) -> list[str]:
    return [f"{app}.{action}_{model}" for action in actions]


REPORTER = [
    # Drafts: write and file them; publishing is refused by the form (no publish_article).
    *_all("articles", "article", ("view", "add", "change")),
    "articles.view_author",
    *_all("articles", "correction", ("view",)),
    "sections.view_section",
    *_all("media", "photo", ("view", "add", "change")),
    *_all("taggit", "tag", ("view", "add")),
]
EDITOR = [
    # Everything on content and publishing, but a real delete of an article stays admin-only:
    # editors unpublish.
    *_all("articles", "article", ("view", "add", "change")),
    "articles.publish_article",
    *_all("articles", "author"),
    *_all("articles", "correction"),
    *_all("sections", "section"),
    *_all("media", "photo"),
    *_all("taggit", "tag"),
]
SITE_ADMIN = [
    *EDITOR,
    "articles.delete_article",
    *_all("siteinfo", "sitesettings", ("view", "change")),
    *_all("siteinfo", "sitelink"),
    *_all("auth", "user"),
    *_all("auth", "group", ("view",)),
]

ROLES = {"Reporter": REPORTER, "Editor": EDITOR, "Site admin": SITE_ADMIN}


def sync_roles(apps=global_apps) -> None:
    """Create the groups and give each exactly its role's permissions."""
    for app_config in apps.get_app_configs():
        if apps is not global_apps:
            # Inside a migration permissions do not exist yet (Django makes them after
            # migrating); create_permissions skips app configs without a models module.
            app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codes in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        wanted = []
        for code in codes:
            app_label, codename = code.split(".")
            wanted.append(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
        group.permissions.set(wanted)
