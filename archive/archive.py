"""The whole archive in one portable file: a zip of the content as JSON plus the photo originals.

Loads into an empty database on SQLite or PostgreSQL (primary keys are kept; content types and
groups travel by natural key). Staff accounts travel without their passwords: after an import
they set new ones. Search documents and photo renditions are rebuilt on import.
"""

import json
import tempfile
import zipfile
from pathlib import Path

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from media import renditions

FORMAT = "newsroom-archive"
VERSION = 1
# In dependency order: everything a row points at comes before it.
MODELS = [
    "auth.user",
    "siteinfo.sitesettings",
    "siteinfo.sitelink",
    "sections.section",
    "media.photo",
    "taggit.tag",
    "articles.author",
    "articles.article",
    "taggit.taggeditem",
    "articles.correction",
    "articles.historicalarticle",
]
REBUILT_FIELDS = {"search_vector", "search_title_vector"}
ORDERING = {"sections.section": ["path"]}


class ArchiveError(Exception):
    pass


def _querysets():
    for label in MODELS:
        model = apps.get_model(label)
        yield model.objects.order_by(*ORDERING.get(label, ["pk"]))


def _records() -> list[dict]:
    records = []
    for queryset in _querysets():
        data = json.loads(serializers.serialize("json", queryset, use_natural_foreign_keys=True))
        for record in data:
            fields = record["fields"]
            for name in REBUILT_FIELDS & fields.keys():
                fields[name] = None
            if record["model"] == "auth.user":
                fields["password"] = "!"  # never carry password hashes out of the site
                fields["user_permissions"] = []
        records += data
    return records


def export_archive(path: Path) -> dict[str, int]:
    """Write the archive to path; returns how many rows of each model it holds."""
    records = _records()
    counts: dict[str, int] = {}
    for record in records:
        counts[record["model"]] = counts.get(record["model"], 0) + 1
    photos = [r["fields"]["image"] for r in records if r["model"] == "media.photo"]
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "created": timezone.now().isoformat(),
        "counts": counts,
        "files": photos,
    }
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", json.dumps(manifest, indent=2))
        archive.writestr("data.json", json.dumps(records))
        for name in photos:
            with default_storage.open(name) as file:
                # Photos are already compressed; storing them as they are is faster.
                archive.writestr(f"media/{name}", file.read(), compress_type=zipfile.ZIP_STORED)
    return counts


def _check_empty() -> None:
    from articles.models import Article
    from media.models import Photo
    from sections.models import Section

    if Article.objects.exists() or Section.objects.exists() or Photo.objects.exists():
        raise ArchiveError(
            "The database already has content. Import into an empty database "
            "(a fresh `manage.py migrate`), so nothing is overwritten."
        )
    if get_user_model().objects.exists():
        raise ArchiveError(
            "The database already has user accounts; the archive brings its own. "
            "Import before creating any account."
        )


def import_archive(path: Path) -> dict[str, int]:
    """Load an archive into an empty database, with its photo files; returns the row counts."""
    from articles.models import Article
    from articles.search import update_vectors
    from media.models import Photo

    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as error:
        raise ArchiveError(f"{path} is not a Newsroom archive: {error}") from error
    with archive:
        try:
            manifest = json.loads(archive.read("manifest.json"))
        except KeyError as error:
            raise ArchiveError(f"{path} has no manifest.json: not a Newsroom archive.") from error
        if manifest.get("format") != FORMAT or manifest.get("version") != VERSION:
            raise ArchiveError(f"{path} is not a version {VERSION} Newsroom archive.")
        _check_empty()
        with tempfile.TemporaryDirectory() as folder:
            data = Path(folder) / "data.json"
            data.write_bytes(archive.read("data.json"))
            with transaction.atomic():
                call_command("loaddata", str(data), verbosity=0)
                for name in manifest["files"]:
                    if default_storage.exists(name):
                        default_storage.delete(name)
                    stored = default_storage.save(name, ContentFile(archive.read(f"media/{name}")))
                    if stored != name:
                        raise ArchiveError(f"Could not store {name} under its own name.")
                update_vectors(Article.objects.all())
    for photo in Photo.objects.iterator():
        renditions.generate(
            default_storage, photo.image.name, photo.focal_point_x, photo.focal_point_y
        )
    return manifest["counts"]
