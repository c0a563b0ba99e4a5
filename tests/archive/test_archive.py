"""export_archive and import_archive: the whole archive out and back, nothing lost (issue #6)."""

import json
import zipfile
from datetime import datetime

import pytest
from django.contrib.auth.models import Group
from django.core import serializers
from django.core.management import CommandError, call_command

from archive.archive import REBUILT_FIELDS, _querysets
from articles.models import Article, Author, Correction, WorkingCopy
from media import images
from media.models import Photo
from notes.models import DeskNote, SourceNote
from sections.models import Section
from siteinfo.models import SiteLink, SiteSettings
from tests.factories import ArticleFactory, AuthorFactory, PhotoFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive_content(django_user_model):
    editor = django_user_model.objects.create_user("leila", password="secret pass", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editor"))
    site = SiteSettings.load()
    site.name, site.main_address = "The Meridian", "https://news.example.org"
    site.save()
    SiteLink.objects.create(
        settings=site, kind="alternate", label="mirror", url="https://m.example/"
    )
    news = SectionFactory(slug="news", name="News")
    palestine = SectionFactory(slug="palestine", name="Palestine", parent=news)
    photo = PhotoFactory(caption="Harbour", credit="Agency", alt_text="Boats")
    photo.focal_point_x, photo.focal_point_y = 10, 20
    photo.save()
    earlier = ArticleFactory(section=news, headline="The earlier story")
    article = ArticleFactory(
        headline="First headline",
        body=f'<p>Text.</p><figure data-photo="{photo.pk}" data-caption="Here"></figure>'
        f'<aside data-story="{earlier.pk}">The earlier story</aside>',
        section=palestine,
        lead_photo=photo,
        authors=[AuthorFactory(name="Leila Haddad", slug="leila-haddad")],
        tags=["Gaza", "fishing"],
        editors_choice=True,
    )
    article._history_user = editor
    article.headline = "Second headline"
    article.save()
    Correction.objects.create(article=article, text="An earlier version misspelt a name.")
    ArticleFactory(section=news, status=Article.Status.DRAFT, tags=["Gaza"])
    # Typing autosave kept is its author's alone: never in an archive.
    WorkingCopy.objects.create(
        user=editor, article=article, data={"headline": ["Unsaved private typing"]}
    )
    # The desk's thread is kept; source notes never leave the site (issue #18).
    DeskNote.objects.create(
        article=article, author=editor, text="Check the name", quote="Text.", blocking=True
    )
    SourceNote.objects.create(article=article, ciphertext="gAAAA-private-source-ciphertext")
    return article


def comparable(value):
    """Times as times: the JSON serializer writes 08.000Z for 08.000123 and 08Z for 08.000000."""
    if isinstance(value, str) and value.endswith("Z") and value[:4].isdigit():
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            return value
    return value


def snapshot() -> dict:
    """Every archived row, as comparable data, plus the bytes of every original photo."""
    rows = {}
    for queryset in _querysets():
        for record in json.loads(
            serializers.serialize("json", queryset, use_natural_foreign_keys=True)
        ):
            fields = {
                k: comparable(v)
                for k, v in record["fields"].items()
                if k not in REBUILT_FIELDS | {"password"}
            }
            rows[(record["model"], record["pk"])] = fields
    files = {photo.image.name: images.dimensions(photo.image) for photo in Photo.objects.all()}
    return {"rows": rows, "files": files}


def empty_the_site(media_root) -> None:
    """What a fresh, migrated database holds: no content, no accounts, no files."""
    for queryset in reversed(list(_querysets())):
        if queryset.model is Section:
            for section in Section.objects.order_by("-path"):  # children before parents
                section.delete()
        queryset.model._base_manager.all().delete()
    # Deleting articles records their deletion in the history; a fresh database has none.
    Article.history.all().delete()
    SiteSettings().save()  # the default row a fresh database gets from its migration
    for path in sorted(media_root.rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()


def test_round_trip_loses_nothing(
    archive_content, tmp_path, media_root, django_capture_on_commit_callbacks
):
    before = snapshot()
    assert len(before["rows"]) > 15 and before["files"]
    archive = tmp_path / "newsroom.zip"
    call_command("export_archive", str(archive))

    with django_capture_on_commit_callbacks(execute=True):
        empty_the_site(media_root)
    assert not Article.objects.exists() and not Section.objects.exists()
    assert not any(media_root.rglob("*.jpg"))

    call_command("import_archive", str(archive), "--trust-accounts")
    after = snapshot()
    assert after["files"] == before["files"]
    changed = {key: (before["rows"].get(key), after["rows"].get(key))
               for key in before["rows"].keys() | after["rows"].keys()
               if before["rows"].get(key) != after["rows"].get(key)}  # fmt: skip
    assert changed == {}
    article = Article.objects.get(headline="Second headline")
    assert [r.headline for r in article.history.order_by("history_date")] == [
        "First headline", "Second headline",
    ]  # fmt: skip
    assert article.history.latest().history_user.username == "leila"
    assert sorted(article.tags.names()) == ["Gaza", "fishing"]
    photo = article.lead_photo
    assert all(photo.image.storage.exists(r.name) for r in photo.all_renditions)
    assert Author.objects.get().name == "Leila Haddad"
    assert SiteSettings.load().main_address == "https://news.example.org"
    # What the body shows is known again: the photo's uses, the link card.
    assert list(article.inline_photos.values_list("photo", flat=True)) == [photo.pk]
    assert [link.story.headline for link in article.story_links.all()] == ["The earlier story"]
    assert not WorkingCopy.objects.exists()
    with zipfile.ZipFile(archive) as opened:
        assert b"Unsaved private typing" not in opened.read("data.json")
        assert b"private-source-ciphertext" not in opened.read("data.json")
    note = DeskNote.objects.get()
    assert (note.article, note.author.username, note.text, note.blocking) == (
        article,
        "leila",
        "Check the name",
        True,
    )
    assert not SourceNote.objects.exists()


def test_archive_never_holds_password_hashes(archive_content, tmp_path):
    archive = tmp_path / "newsroom.zip"
    call_command("export_archive", str(archive))
    with zipfile.ZipFile(archive) as opened:
        data = json.loads(opened.read("data.json"))
        assert opened.namelist()[0] == "manifest.json"
    users = [r for r in data if r["model"] == "auth.user"]
    assert users and all(r["fields"]["password"] == "!" for r in users)


def test_import_refuses_a_database_with_content(archive_content, tmp_path):
    archive = tmp_path / "newsroom.zip"
    call_command("export_archive", str(archive))
    with pytest.raises(CommandError, match="already has content"):
        call_command("import_archive", str(archive))


def test_import_refuses_a_file_that_is_not_an_archive(tmp_path):
    bogus = tmp_path / "notes.zip"
    bogus.write_text("hello")
    with pytest.raises(CommandError, match="is not a Newsroom archive"):
        call_command("import_archive", str(bogus))


# A hostile archive gets a clear error and changes nothing


@pytest.fixture
def exported(archive_content, tmp_path, media_root, django_capture_on_commit_callbacks):
    """A good archive of the site, and the site emptied, ready to import it."""
    archive = tmp_path / "newsroom.zip"
    call_command("export_archive", str(archive))
    with django_capture_on_commit_callbacks(execute=True):
        empty_the_site(media_root)
    return archive


def rewrite(archive, *, data=None, add=None, drop=(), manifest=None):
    """A copy of the archive with data.json changed by data(rows), members added or dropped."""
    out = archive.with_name("changed.zip")
    with zipfile.ZipFile(archive) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename in drop:
                continue
            if info.filename == "data.json" and data:
                content = json.dumps(data(json.loads(content))).encode()
            if info.filename == "manifest.json" and manifest:
                content = json.dumps(manifest(json.loads(content))).encode()
            target.writestr(info, content)
        for name, content in (add or {}).items():
            target.writestr(name, content)
    return out


def refused(archive, media_root, match: str) -> None:
    with pytest.raises(CommandError, match=match):
        call_command("import_archive", str(archive))
    assert not Article.objects.exists() and not Photo.objects.exists()
    assert not Section.objects.exists()
    assert not [path for path in media_root.rglob("*") if path.is_file()]


def rows_of(model: str):
    def change(records, apply):
        for record in records:
            if record["model"] == model:
                apply(record["fields"])
        return records

    return change


def test_accounts_come_without_passwords_or_rights(exported, django_user_model):
    def superuser_with_known_password(fields):
        fields.update(is_superuser=True, password="md5$salt$0123456789abcdef0123456789abcdef")

    archive = rewrite(
        exported, data=lambda rows: rows_of("auth.user")(rows, superuser_with_known_password)
    )
    call_command("import_archive", str(archive))
    user = django_user_model.objects.get(username="leila")
    assert not user.has_usable_password()
    assert not (user.is_superuser or user.is_staff or user.groups.exists())


def test_trusted_accounts_keep_their_roles_but_never_a_password(exported, django_user_model):
    call_command("import_archive", str(exported), "--trust-accounts")
    user = django_user_model.objects.get(username="leila")
    assert user.is_staff and list(user.groups.values_list("name", flat=True)) == ["Editor"]
    assert not user.has_usable_password()


def test_bodies_are_sanitized_again(exported):
    def script(fields):
        fields["body"] = '<p onclick="x()">Hi</p><script>steal()</script>'
        fields["body_html"] = fields["body"]

    call_command(
        "import_archive",
        str(rewrite(exported, data=lambda rows: rows_of("articles.article")(rows, script))),
    )
    for article in Article.objects.all():
        assert "script" not in article.body_html and "onclick" not in article.body_html


@pytest.mark.parametrize("address", ["javascript:alert(1)", "ftp://files.example/", "not a url"])
def test_addresses_are_validated(exported, media_root, address):
    def hostile(fields):
        fields["main_address"] = address

    archive = rewrite(exported, data=lambda rows: rows_of("siteinfo.sitesettings")(rows, hostile))
    refused(archive, media_root, "site settings 1 is not valid: main_address")


def test_only_the_models_export_writes_are_read(exported, media_root):
    def add_a_log_entry(rows):
        return rows + [{"model": "auth.permission", "pk": 9999,
                        "fields": {"name": "x", "codename": "x", "content_type": ["auth", "user"]}}]  # fmt: skip

    refused(rewrite(exported, data=add_a_log_entry), media_root, "models an archive never has")


def test_photos_are_re_encoded_without_metadata(exported, media_root):
    from PIL import Image

    from tests.images import jpeg_with_identifying_metadata

    with zipfile.ZipFile(exported) as opened:
        name = json.loads(opened.read("manifest.json"))["files"][0]
    archive = rewrite(exported, drop={f"media/{name}"},
                      add={f"media/{name}": jpeg_with_identifying_metadata(120, 80)})  # fmt: skip
    call_command("import_archive", str(archive))
    photo = Photo.objects.get()
    for stored in [photo.image.name, *(r.name for r in photo.all_renditions if r.format == "jpeg")]:
        with photo.image.storage.open(stored) as file, Image.open(file) as image:
            assert not image.getexif() and "comment" not in image.info, stored
            assert b"Jane Source" not in file.read() if not file.seek(0) else True
    assert (photo.width, photo.height) == (80, 120)  # its orientation applied, as on upload


@pytest.mark.parametrize(
    "name", ["../../etc/evil.jpg", "photos/2026/11/x.jpg", "photos/2026/11/" + "a" * 32 + ".svg"]
)
def test_file_names_must_have_our_shapes(exported, media_root, name):
    archive = rewrite(exported, manifest=lambda m: m | {"files": m["files"] + [name]},
                      add={f"media/{name}": b"x"})  # fmt: skip
    refused(archive, media_root, "is not the name of a photo this site writes")


def test_members_nobody_wrote_are_refused(exported, media_root):
    refused(rewrite(exported, add={"run.sh": b"rm -rf /"}), media_root, "files it should not")


def test_a_zip_bomb_is_an_error(exported, media_root, settings):
    settings.ARCHIVE_MAX_DATA_BYTES = 100
    refused(exported, media_root, "data.json is .* bytes unpacked; the limit is 100")


def test_an_oversized_photo_is_an_error(exported, media_root, settings):
    settings.PHOTO_MAX_BYTES = 100
    refused(exported, media_root, "the limit is 100")


def test_a_broken_row_late_in_the_archive_leaves_nothing_behind(exported, media_root):
    """Photos and sections come first; a bad correction at the end undoes them, files too."""

    def empty_correction(fields):
        fields["text"] = ""

    archive = rewrite(
        exported, data=lambda rows: rows_of("articles.correction")(rows, empty_correction)
    )
    refused(archive, media_root, "correction .* is not valid: text")
