"""export_archive and import_archive: the whole archive out and back, nothing lost (issue #6)."""

import json
import zipfile
from datetime import datetime

import pytest
from django.contrib.auth.models import Group
from django.core import serializers
from django.core.management import CommandError, call_command

from archive.archive import REBUILT_FIELDS, _querysets
from articles.models import Article, Author, Correction
from media.models import Photo
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
    article = ArticleFactory(
        headline="First headline",
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
    files = {photo.image.name: photo.image.read() for photo in Photo.objects.all()}
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

    call_command("import_archive", str(archive))
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
