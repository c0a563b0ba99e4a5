"""Where notes never go: pages, feeds, search, the cache, history, autosave, exports, logs (#18)."""

import json
import logging
import pickle
import zipfile
from unittest import mock

import pytest
from django.core import mail, serializers
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from articles import services as article_services
from articles.models import Article, WorkingCopy
from notes import services
from notes.models import DeskNote, SourceNote
from pagecache.models import Generation
from pagecache.store import local_pages
from tests.articles.test_admin import article_form

from .conftest import NOTE, signed_in

pytestmark = pytest.mark.django_db

DESK_NOTE = "Hold the vendor's name until legal reads paragraph two"


@pytest.fixture
def noted(newsroom, keys):
    """The story, published, with a source note and a desk note on it."""
    story = newsroom["story"]
    article_services.publish(article=story, user=newsroom["editor"])
    client = signed_in(newsroom["bylined"])
    client.post(reverse("admin:notes_sourcenote_story", args=[story.pk]), {"text": NOTE})
    DeskNote.objects.create(article=story, author=newsroom["editor"], text=DESK_NOTE)
    assert SourceNote.objects.count() == 1
    return newsroom | {"client": client}


def holds_a_note(content: bytes | str) -> bool:
    text = content.decode() if isinstance(content, bytes) else content
    return any(words in text for words in ("Layla K.", "Signal +961", "legal reads paragraph"))


def test_readers_pages_feeds_search_and_previews_carry_no_note(noted):
    """Every reader address, and the staff and shared previews, show neither kind of note."""
    story = noted["story"]
    reader = Client()
    urls = [
        "/",
        story.get_absolute_url(),
        "/feed/",
        f"{story.section.get_absolute_url()}feed/",
        "/sitemap.xml",
        "/sitemap-articles.xml",
        "/news-sitemap.xml",
        "/search/?q=Signal",
        "/search/?q=Layla",
        "/search/?q=vendor%27s+name+legal",
        "/search/?q=Spyware",
        story.authors.get().get_absolute_url(),
    ]
    for url in urls:
        response = reader.get(url)
        assert response.status_code == 200, url
        assert not holds_a_note(response.content), url
    found = reader.get("/search/?q=Spyware").content.decode()
    assert "Spyware found on rights workers" in found
    assert "Spyware found on rights workers" not in reader.get("/search/?q=Signal").content.decode()
    staff = noted["client"]
    preview = staff.get(reverse("articles:preview", args=[story.pk]))
    assert preview.status_code == 200 and not holds_a_note(preview.content)
    shared = reader.get(
        reverse("articles:shared_preview", args=[article_services.preview_token(story)])
    )
    assert not holds_a_note(shared.content)
    api = reader.get("/api/")
    assert api.status_code == 404 or not holds_a_note(api.content)


def test_the_page_cache_keeps_no_note(noted):
    """Pages drawn and kept for readers hold no note, in the process or the shared cache."""
    reader = Client()
    generation = Generation.current().key
    noted["client"].post(
        reverse("admin:notes_sourcenote_story", args=[noted["story"].pk]), {"text": "More"}
    )
    DeskNote.objects.create(article=noted["story"], text="Another desk note")
    assert Generation.current().key == generation  # nothing readers see changed
    for url in ["/", noted["story"].get_absolute_url(), "/feed/"]:
        reader.get(url)
        reader.get(url)
    assert len(local_pages) > 0
    kept = pickle.dumps(dict(local_pages.pages))
    kept += pickle.dumps({key: cache.get(key) for key in getattr(cache, "_cache", {})})
    assert b"Spyware found on rights workers" in kept
    assert not holds_a_note(kept.decode("latin-1"))


def test_history_and_its_diffs_carry_no_note(noted):
    """Revisions, the history page and the compare view hold no note, even for editors."""
    story = noted["story"]
    story.headline = "Spyware found on rights workers' phones, lab says"
    article_services.save(article=story, user=noted["editor"])
    revisions = serializers.serialize("json", Article.history.filter(id=story.pk))
    assert "lab says" in revisions and not holds_a_note(revisions)
    editor = signed_in(noted["editor"])
    first = Article.history.filter(id=story.pk).order_by("history_date").first()
    for url in [
        reverse("admin:articles_article_history", args=[story.pk]),
        reverse("admin:articles_article_compare", args=[story.pk]) + f"?from={first.history_id}",
        reverse("admin:articles_article_simple_history", args=[story.pk, first.history_id]),
    ]:
        response = editor.get(url)
        assert response.status_code == 200, url
        assert not holds_a_note(response.content), url


def test_autosave_keeps_no_note(noted):
    """A working copy keeps the article's fields only, whatever else the POST carried."""
    story = noted["story"]
    data = article_form(story.section, headline="Typed", base_version=story.version)
    data |= {"text": NOTE, "quote": "x", "source_note": NOTE}
    editor = signed_in(noted["editor"])
    response = editor.post(reverse("admin:articles_article_autosave", args=[story.pk]), data)
    assert response.status_code == 200
    copy = WorkingCopy.objects.get()
    assert copy.data["headline"] == ["Typed"]
    assert not holds_a_note(json.dumps(copy.data))


def test_the_archive_keeps_desk_notes_and_no_source_note(noted, tmp_path):
    """export_archive holds the desk's thread, and no source note or its ciphertext."""
    path = tmp_path / "archive.zip"
    call_command("export_archive", str(path))
    with zipfile.ZipFile(path) as archive:
        data = archive.read("data.json").decode()
        manifest = json.loads(archive.read("manifest.json"))
    assert DESK_NOTE in data
    assert manifest["counts"]["notes.desknote"] == 1
    assert "Layla K." not in data and "Signal" not in data
    assert SourceNote.objects.get().ciphertext not in data
    assert "notes.sourcenote" not in data


def test_a_500_while_saving_a_note_logs_no_note(noted, caplog, settings):
    """The log line and the error report to admins show neither the POST nor the note."""
    # Django's own logging mails each 500 to ADMINS with the request and every frame's variables.
    settings.ADMINS = ["ops@example.org"]
    client = noted["client"]
    client.raise_request_exception = False
    url = reverse("admin:notes_sourcenote_story", args=[noted["story"].pk])
    failing = mock.patch.object(SourceNote.objects, "create", side_effect=RuntimeError("disk"))
    with failing, caplog.at_level(logging.ERROR, logger="django.request"):
        response = client.post(url, {"text": NOTE + " second"})
    assert response.status_code == 500
    assert "Internal Server Error" in caplog.text and not holds_a_note(caplog.text)
    assert len(mail.outbox) == 1
    report = mail.outbox[0].body + "".join(str(alt[0]) for alt in mail.outbox[0].alternatives)
    assert "RuntimeError" in report and "text = '********************'" in report
    assert not holds_a_note(report)


def test_reading_writes_no_note_to_the_log(noted, caplog):
    """Reading and writing notes log nothing of their text at any level."""
    with caplog.at_level(logging.DEBUG):
        noted["client"].get(reverse("admin:notes_sourcenote_story", args=[noted["story"].pk]))
        services.read_source_notes(article=noted["story"], user=_verified(noted["editor"]))
    assert not holds_a_note(caplog.text)


def _verified(user):
    user.is_verified = lambda: True
    return user
