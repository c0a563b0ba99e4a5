"""Source notes: who reads them, with which factor, under which key, and the log (issue #18)."""

import pytest
from cryptography.fernet import Fernet
from django.core import checks
from django.core.management import CommandError, call_command
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from articles.models import Article
from notes import crypto, services
from notes.models import SourceNote, SourceNoteAccess
from tests.factories import ArticleFactory

from .conftest import NOTE, signed_in

pytestmark = pytest.mark.django_db


def notes_url(story) -> str:
    return reverse("admin:notes_sourcenote_story", args=[story.pk])


def write(client, story, text=NOTE):
    return client.post(notes_url(story), {"text": text})


def test_bylined_reporter_writes_a_note_and_reads_it_back(newsroom, keys):
    """The story's bylined reporter keeps a note; it is stored as ciphertext and shown to them."""
    client = signed_in(newsroom["bylined"])
    response = write(client, newsroom["story"])
    assert response.status_code == 302
    note = SourceNote.objects.get()
    assert NOTE not in note.ciphertext
    assert crypto.decrypt(note.ciphertext) == NOTE
    page = client.get(notes_url(newsroom["story"]))
    assert page.status_code == 200
    assert "Signal +961 70 000 111" in page.content.decode()
    assert "no-store" in page["Cache-Control"] and "private" in page["Cache-Control"]


def test_editor_reads_every_storys_notes_and_each_read_is_logged(newsroom, keys):
    """An Editor (the permission) reads a story they are not bylined on; who and when is logged."""
    write(signed_in(newsroom["bylined"]), newsroom["story"])
    editor = signed_in(newsroom["editor"])
    before = SourceNoteAccess.objects.filter(action="read").count()
    page = editor.get(notes_url(newsroom["story"]))
    assert NOTE in page.content.decode()
    reads = SourceNoteAccess.objects.filter(action="read").order_by("-at", "-pk")
    assert reads.count() == before + 1
    assert (reads[0].username, reads[0].article, reads[0].headline) == (
        "eda",
        newsroom["story"],
        "Spyware found on rights workers' phones",
    )


@pytest.mark.parametrize("who", ["other_reporter", "site_admin", "superuser"])
def test_staff_without_byline_or_permission_are_refused(newsroom, keys, who):
    """A Reporter not on the byline, a Site admin and even a superuser get 403, and no note."""
    write(signed_in(newsroom["bylined"]), newsroom["story"])
    client = signed_in(newsroom[who])
    page = client.get(notes_url(newsroom["story"]))
    assert page.status_code == 403
    assert NOTE.encode() not in page.content
    assert write(client, newsroom["story"], "planted").status_code == 403
    assert SourceNote.objects.count() == 1
    assert not SourceNoteAccess.objects.filter(user=newsroom[who]).exists()


def test_reporter_not_on_the_byline_is_refused_on_every_path(newsroom, keys):
    """Crafted admin addresses, the history, the compare view and the form show no note."""
    write(signed_in(newsroom["bylined"]), newsroom["story"])
    note = SourceNote.objects.get()
    story = newsroom["story"]
    client = signed_in(newsroom["other_reporter"])
    refused = [
        notes_url(story),
        reverse("admin:notes_sourcenote_remove", args=[note.pk]),
        reverse("admin:notes_sourcenote_changelist"),
        reverse("admin:notes_sourcenote_add"),
        reverse("admin:notes_sourcenote_change", args=[note.pk]),
        reverse("admin:notes_sourcenote_delete", args=[note.pk]),
        reverse("admin:notes_sourcenote_history", args=[note.pk]),
        reverse("admin:notes_sourcenoteaccess_changelist"),
        f"/admin/notes/sourcenote/story/{story.pk}/?export=1",
    ]
    for url in refused:
        assert client.get(url).status_code == 403, url
        assert client.post(url, {"post": "yes", "text": "x"}).status_code == 403, url
    assert SourceNote.objects.filter(pk=note.pk).exists()
    shown = [
        reverse("admin:articles_article_change", args=[story.pk]),
        reverse("admin:articles_article_history", args=[story.pk]),
        reverse("admin:articles_article_compare", args=[story.pk]),
    ]
    for url in shown:
        response = client.get(url)
        assert response.status_code == 200, url
        assert b"Signal" not in response.content, url
        assert b"Source notes" not in response.content, url
    search = client.get(reverse("admin:articles_article_changelist") + "?q=Layla+Signal")
    assert list(search.context["cl"].result_list) == []


def test_reading_needs_the_second_factor_whatever_the_settings(newsroom, keys, settings):
    """With TWO_FACTOR_REQUIRED off, a bylined reporter without a second factor still gets none."""
    settings.TWO_FACTOR_REQUIRED = False
    write(signed_in(newsroom["bylined"]), newsroom["story"])
    TOTPDevice.objects.all().delete()  # nobody has set up a second factor
    for who in ("bylined", "editor"):
        client = signed_in(newsroom[who], second_factor=False)
        page = client.get(notes_url(newsroom["story"]))
        assert page.status_code == 403
        assert "Source notes need two-factor sign-in" in page.content.decode()
        assert NOTE.encode() not in page.content
        assert write(client, newsroom["story"], "unverified").status_code == 403
    assert SourceNote.objects.count() == 1
    assert not SourceNoteAccess.objects.filter(action="read").exists()


def test_without_keys_the_site_runs_and_notes_are_locked(newsroom, keys, settings):
    """Removing the key locks existing notes and refuses new ones; the desk still works."""
    write(signed_in(newsroom["bylined"]), newsroom["story"])
    settings.SOURCE_NOTES_KEYS = []
    client = signed_in(newsroom["editor"])
    page = client.get(notes_url(newsroom["story"]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Source notes are locked" in html
    assert "Locked:" in html and NOTE not in html
    assert write(client, newsroom["story"], "another").status_code == 200
    assert SourceNote.objects.count() == 1
    form = client.get(reverse("admin:articles_article_change", args=[newsroom["story"].pk]))
    assert form.status_code == 200
    assert client.get(newsroom["story"].get_preview_url()).status_code == 200


def test_a_note_under_a_key_this_server_lacks_shows_as_locked(newsroom, keys, settings):
    """A note written under a key that was dropped is locked, not an error."""
    write(signed_in(newsroom["bylined"]), newsroom["story"])
    settings.SOURCE_NOTES_KEYS = [Fernet.generate_key().decode()]
    notes = services.read_source_notes(article=newsroom["story"], user=_verified(newsroom))
    assert [note.locked for note in notes] == [True]


def _verified(newsroom):
    user = newsroom["editor"]
    user.is_verified = lambda: True
    return user


def test_a_malformed_key_stops_the_site_with_a_message(settings):
    """SOURCE_NOTES_KEYS holding something that is not a Fernet key is a system check error."""
    settings.SOURCE_NOTES_KEYS = ["not-a-key"]
    errors = [e for e in checks.run_checks() if e.id == "notes.E001"]
    assert errors and "Fernet keys" in errors[0].msg


def test_rotation_moves_every_note_to_the_newest_key(newsroom, keys, settings):
    """After rotating, the old key can go: the notes open with the new key alone."""
    write(signed_in(newsroom["bylined"]), newsroom["story"])
    before = SourceNote.objects.get().ciphertext
    new_key = Fernet.generate_key().decode()
    settings.SOURCE_NOTES_KEYS = [new_key, *keys]
    call_command("rotate_source_notes_key", stdout=(out := __import__("io").StringIO()))
    assert "1 source note(s) re-encrypted" in out.getvalue()
    after = SourceNote.objects.get().ciphertext
    assert after != before
    settings.SOURCE_NOTES_KEYS = [new_key]
    assert crypto.decrypt(after) == NOTE
    settings.SOURCE_NOTES_KEYS = keys
    with pytest.raises(crypto.Locked):
        crypto.decrypt(after)


def test_rotation_refuses_without_keys_or_with_notes_it_cannot_open(newsroom, keys, settings):
    """Rotation changes nothing when a note opens with none of the keys."""
    write(signed_in(newsroom["bylined"]), newsroom["story"])
    before = SourceNote.objects.get().ciphertext
    settings.SOURCE_NOTES_KEYS = []
    with pytest.raises(CommandError, match="no key"):
        call_command("rotate_source_notes_key")
    settings.SOURCE_NOTES_KEYS = [Fernet.generate_key().decode()]
    with pytest.raises(CommandError, match="nothing was changed"):
        call_command("rotate_source_notes_key")
    assert SourceNote.objects.get().ciphertext == before


def test_deleting_a_note_or_the_story_is_final(newsroom, keys, django_db_setup):
    """No history table, no soft delete: the rows are gone; the log keeps the headline only."""
    from django.db import connection

    client = signed_in(newsroom["bylined"])
    write(client, newsroom["story"])
    write(client, newsroom["story"], "second note")
    first = SourceNote.objects.order_by("pk").first()
    remove = reverse("admin:notes_sourcenote_remove", args=[first.pk])
    confirm = client.get(remove)
    assert "will be deleted at once. Nobody can bring it back" in confirm.content.decode()
    assert NOTE not in confirm.content.decode() and SourceNote.objects.filter(pk=first.pk).exists()
    response = client.post(remove)
    assert response.status_code == 302
    assert not SourceNote.objects.filter(pk=first.pk).exists()
    assert SourceNoteAccess.objects.filter(action="deleted").count() == 1
    newsroom["story"].delete()
    assert not SourceNote.objects.exists()
    tables = connection.introspection.table_names()
    assert [t for t in tables if t.startswith("notes_")] == [
        "notes_desknote",
        "notes_sourcenote",
        "notes_sourcenoteaccess",
    ]
    assert SourceNoteAccess.objects.filter(article=None).count() >= 3
    assert set(SourceNoteAccess.objects.values_list("headline", flat=True)) == {
        "Spyware found on rights workers' phones"
    }


def test_the_article_form_says_who_last_read_the_notes(newsroom, keys):
    """Those who may read see "Notes last read by … at …" on the story; others see nothing."""
    write(signed_in(newsroom["bylined"]), newsroom["story"])
    signed_in(newsroom["editor"]).get(notes_url(newsroom["story"]))
    form_url = reverse("admin:articles_article_change", args=[newsroom["story"].pk])
    html = signed_in(newsroom["bylined"]).get(form_url).content.decode()
    assert "Notes last read by eda at" in html
    assert "1 note," in html
    assert f'href="{notes_url(newsroom["story"])}"' in html
    other = signed_in(newsroom["other_reporter"]).get(form_url).content.decode()
    assert "last read" not in other


def test_site_admins_see_the_log_editors_and_reporters_do_not(newsroom, keys):
    """The read log is a Site admin screen; it lists who read which story, never the note."""
    write(signed_in(newsroom["bylined"]), newsroom["story"])
    signed_in(newsroom["editor"]).get(notes_url(newsroom["story"]))
    url = reverse("admin:notes_sourcenoteaccess_changelist")
    page = signed_in(newsroom["site_admin"]).get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "eda" in html and "Spyware found on rights workers" in html
    assert "Signal" not in html
    assert signed_in(newsroom["editor"]).get(url).status_code == 403
    assert signed_in(newsroom["other_reporter"]).get(url).status_code == 403


def test_only_the_notes_permission_may_link_a_byline_to_an_account(newsroom):
    """A Site admin cannot give themselves a byline's notes by linking its desk account."""
    author = newsroom["story"].authors.get()
    url = reverse("admin:articles_author_change", args=[author.pk])
    data = {"name": author.name, "slug": author.slug, "bio": "", "user": newsroom["site_admin"].pk}
    signed_in(newsroom["site_admin"]).post(url, data)
    author.refresh_from_db()
    assert author.user == newsroom["bylined"]
    signed_in(newsroom["editor"]).post(url, data | {"user": newsroom["other_reporter"].pk})
    author.refresh_from_db()
    assert author.user == newsroom["other_reporter"]


def test_notes_are_on_no_other_story(newsroom, keys):
    """Being bylined on one story opens that story's notes, not another's."""
    other = ArticleFactory(status=Article.Status.DRAFT)
    write(signed_in(newsroom["editor"]), other, "other story's source")
    client = signed_in(newsroom["bylined"])
    assert client.get(notes_url(other)).status_code == 403


def test_a_reporter_cannot_put_themselves_on_a_byline_to_read_its_notes(newsroom, keys):
    """Adding one's own byline to a story with source notes is refused; an editor may add it."""
    from tests.articles.test_admin import article_form
    from tests.factories import AuthorFactory

    story = newsroom["story"]
    write(signed_in(newsroom["bylined"]), story)
    omar = AuthorFactory(name="Omar Aziz", slug="omar-aziz", user=newsroom["other_reporter"])
    data = article_form(
        story.section,
        headline=story.headline,
        slug=story.slug,
        body=story.body,
        status="draft",
        tags="",
        base_version=story.version,
        authors=[a.pk for a in story.authors.all()] + [omar.pk],
    )
    url = reverse("admin:articles_article_change", args=[story.pk])
    response = signed_in(newsroom["other_reporter"]).post(url, data)
    assert response.status_code == 200
    assert "an editor adds you to its byline" in response.content.decode()
    assert not story.authors.filter(pk=omar.pk).exists()
    assert signed_in(newsroom["editor"]).post(url, data).status_code == 302
    assert story.authors.filter(pk=omar.pk).exists()
    assert signed_in(newsroom["other_reporter"]).get(notes_url(story)).status_code == 200


def test_a_site_admin_deletes_a_story_with_its_notes(newsroom, keys):
    """Deleting the story in the admin takes its source and desk notes with it, for good."""
    from notes.models import DeskNote

    story = newsroom["story"]
    write(signed_in(newsroom["bylined"]), story)
    DeskNote.objects.create(article=story, text="Check the spelling")
    url = reverse("admin:articles_article_delete", args=[story.pk])
    client = signed_in(newsroom["site_admin"])
    confirm = client.get(url)
    assert confirm.status_code == 200 and b"permission to delete" not in confirm.content
    assert NOTE.encode() not in confirm.content
    assert client.post(url, {"post": "yes"}).status_code == 302
    assert not Article.objects.filter(pk=story.pk).exists()
    assert not SourceNote.objects.exists() and not DeskNote.objects.exists()
