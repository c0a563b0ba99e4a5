"""The whole archive in one portable file: a zip of the content as JSON plus the photo originals.

Export writes every row of the models below and the original of every photo. Import loads such a
file into an empty database on SQLite or PostgreSQL, and trusts nothing in it: an archive may
come from anywhere. Only these models are read; every row passes the same rules as the admin
(each field's validators and the model's own checks; article bodies are sanitized again,
addresses must be http or https); every photo is checked and re-encoded like an upload, so it
carries no metadata; file names must have the shapes we write; each member's size is capped, so
a zip bomb is an error. Accounts come in with no usable password, and without staff, superuser
or group rights unless asked for (`trust_accounts`). Anything wrong stops the import with a
clear error: one transaction, and the files it wrote are removed.
"""

import json
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError, transaction
from django.db.models import Q
from django.utils import timezone

from accounts.roles import ROLES
from media import images
from media.pruning import remove_original_and_renditions
from newsroom.html import html_to_text, sanitize_html
from pagecache.changes import CHROME, changed

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
    # The desk's own record of its discussions. Source notes are never exported (issue #18):
    # they are ciphertext only the site's keys open, and an archive travels.
    "notes.desknote",
]
REBUILT_FIELDS = {"search_vector", "search_title_vector"}
ORDERING = {"sections.section": ["path"]}
# The names export writes, and nothing else: no folders of another shape, no "..", no links.
PHOTO_NAME = re.compile(r"photos/[0-9]{4}/[0-9]{2}/[0-9a-f]{32}\.(jpg|png|webp|avif)")
MEMBERS = {"manifest.json", "data.json"}


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


class Reader:
    """An opened archive whose members are read only within their size limits."""

    def __init__(self, path: Path):
        try:
            self.zip = zipfile.ZipFile(path)
        except (OSError, zipfile.BadZipFile) as error:
            raise ArchiveError(f"{path} is not a Newsroom archive: {error}") from error
        self.path = path
        self.members = {info.filename: info for info in self.zip.infolist()}

    def read(self, name: str, limit: int) -> bytes:
        info = self.members.get(name)
        if info is None:
            raise ArchiveError(f"{self.path} has no {name}: not a Newsroom archive.")
        if info.file_size > limit:
            raise ArchiveError(f"{name} is {info.file_size} bytes unpacked; the limit is {limit}.")
        try:
            # zipfile stops at the declared size and checks the CRC: a member that unpacks to
            # more than it declares fails here instead of filling the memory.
            return self.zip.read(info)
        except (zipfile.BadZipFile, OSError, EOFError) as error:
            raise ArchiveError(f"{name} is damaged: {error}") from error

    def manifest(self) -> dict:
        try:
            manifest = json.loads(self.read("manifest.json", 1_000_000))
        except ValueError as error:
            raise ArchiveError(f"manifest.json is not valid JSON: {error}") from error
        if not isinstance(manifest, dict) or (manifest.get("format"), manifest.get("version")) != (
            FORMAT,
            VERSION,
        ):
            raise ArchiveError(f"{self.path} is not a version {VERSION} Newsroom archive.")
        files = manifest.get("files")
        if not isinstance(files, list) or not all(isinstance(name, str) for name in files):
            raise ArchiveError("manifest.json does not list the archive's photo files.")
        for name in files:
            if not PHOTO_NAME.fullmatch(name):
                raise ArchiveError(f"{name!r} is not the name of a photo this site writes.")
        expected = MEMBERS | {f"media/{name}" for name in files}
        if unexpected := sorted(set(self.members) - expected):
            raise ArchiveError(f"The archive holds files it should not: {', '.join(unexpected)}.")
        return manifest


def _objects(data: bytes) -> Iterator:
    """The archive's rows as unsaved model instances, refusing any model export does not write."""
    try:
        records = json.loads(data)
    except ValueError as error:
        raise ArchiveError(f"data.json is not valid JSON: {error}") from error
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise ArchiveError("data.json is not a list of rows.")
    if unknown := sorted({str(r.get("model")) for r in records} - set(MODELS)):
        raise ArchiveError(f"data.json holds rows of models an archive never has: {unknown}.")
    records.sort(key=lambda record: MODELS.index(record["model"]))
    try:
        yield from serializers.deserialize("python", records, handle_forward_references=False)
    except DeserializationError as error:
        raise ArchiveError(f"A row of data.json cannot be read: {error}") from error


def _cleaned_photo(reader: Reader, name: str) -> ContentFile:
    """An archived original checked and re-encoded exactly as an upload is."""
    upload = ContentFile(reader.read(f"media/{name}", settings.PHOTO_MAX_BYTES), name=name)
    try:
        images.inspect_upload(upload)
    except ValidationError as error:
        raise ArchiveError(f"{name}: {' '.join(error.messages)}") from error
    cleaned = images.clean_original(upload)
    if Path(cleaned.name).suffix != Path(name).suffix:
        raise ArchiveError(f"{name} is not the kind of image its name says.")
    return cleaned


def _prepare(obj, *, trust_accounts: bool) -> None:
    """Bring a row in line with what the admin would have let through."""
    model = obj._meta.label_lower
    if model == "auth.user":
        obj.set_unusable_password()
        if not trust_accounts:
            obj.is_staff = obj.is_superuser = False
    elif model == "articles.article":
        obj.body_html = sanitize_html(obj.body)
        obj.body_text = html_to_text(obj.body_html)
    elif model == "sections.section":
        obj.path = obj.build_path()
        obj.root_id = (obj.parent.root_id or obj.parent.pk) if obj.parent_id else None
    elif model == "taggit.taggeditem" and obj.content_type.natural_key() != ("articles", "article"):
        raise ArchiveError(f"Tagged item {obj.pk} tags something other than an article.")


def _check(obj) -> None:
    historical = obj._meta.label_lower == "articles.historicalarticle"
    try:
        obj.full_clean(
            # A revision may have no author (a command saved it) and no reason; several
            # revisions share a slug.
            exclude=["history_user", "history_change_reason"] if historical else None,
            validate_unique=not historical,
            validate_constraints=not historical,
        )
    except ValidationError as error:
        problems = "; ".join(f"{field}: {' '.join(messages)}"
                             for field, messages in error.message_dict.items())  # fmt: skip
        raise ArchiveError(f"{obj._meta.verbose_name} {obj.pk} is not valid: {problems}") from error


def import_archive(path: Path, *, trust_accounts: bool = False) -> dict[str, int]:
    """Load an archive into an empty database, with its photo files; returns the row counts."""
    from articles.models import Article
    from articles.search import update_vectors

    reader = Reader(path)
    with reader.zip:
        manifest = reader.manifest()
        _check_empty()
        data = reader.read("data.json", settings.ARCHIVE_MAX_DATA_BYTES)
        photos = {name: _cleaned_photo(reader, name) for name in manifest["files"]}
    written: list[str] = []
    counts: dict[str, int] = {}
    try:
        with transaction.atomic():
            # A fresh database has the default settings row its migration made: the archive
            # brings the site's own.
            apps.get_model("siteinfo.sitesettings").objects.all().delete()
            for deserialized in _objects(data):
                obj = deserialized.object
                label = obj._meta.label_lower
                if label == "media.photo":
                    if (original := photos.pop(obj.image.name, None)) is None:
                        raise ArchiveError(f"Photo {obj.pk} has no file in the archive.")
                    obj.width, obj.height = images.dimensions(original)
                    name = default_storage.save(obj.image.name, original)
                    written.append(name)
                    if name != obj.image.name:
                        raise ArchiveError(f"Could not store {obj.image.name} under its own name.")
                _prepare(obj, trust_accounts=trust_accounts)
                _check(obj)
                deserialized.save()
                if label == "auth.user":
                    keep = ROLES if trust_accounts else ()
                    obj.groups.set(obj.groups.filter(name__in=keep))
                    obj.user_permissions.clear()
                counts[label] = counts.get(label, 0) + 1
            update_vectors(Article.objects.all())
            # What bodies show (inline photos, link cards), once every story they point at is in.
            with_blocks = Q(body_html__contains="data-photo=") | Q(
                body_html__contains="data-story="
            )
            for article in Article.objects.filter(with_blocks).only("pk", "body_html"):
                article.keep_body_references()
            call_command("make_renditions", verbosity=0)
            changed({CHROME})  # everything is new to readers
    except (ArchiveError, DatabaseError, ValidationError, OSError, ValueError) as error:
        for name in written:
            remove_original_and_renditions(default_storage, name)
        if isinstance(error, ArchiveError):
            raise
        raise ArchiveError(f"The archive could not be loaded: {error}") from error
    return counts
