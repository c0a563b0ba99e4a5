"""Desk notes: the staff's thread on a story, resolve and reopen, blocking notes (issue #18)."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from articles import services
from articles.models import Article
from notes.models import DeskNote
from tests.articles.test_admin import article_form

from .conftest import signed_in

pytestmark = pytest.mark.django_db


def add_url(story) -> str:
    return reverse("admin:notes_desknote_story_add", args=[story.pk])


def change_url(story) -> str:
    return reverse("admin:articles_article_change", args=[story.pk])


def test_staff_leave_notes_in_a_thread_on_the_article_form(newsroom):
    """Each note shows its author, time, quote and state; any staff member on the story adds one."""
    story = newsroom["story"]
    editor = signed_in(newsroom["editor"], second_factor=False)
    response = editor.post(
        add_url(story), {"text": "Who confirmed the March date?", "quote": "infected in  March"}
    )
    assert response.status_code == 302
    assert response["Location"] == f"{change_url(story)}#desk-notes"
    reporter = signed_in(newsroom["other_reporter"], second_factor=False)
    reporter.post(add_url(story), {"text": "The lab report, page 4."})
    html = reporter.get(change_url(story)).content.decode()
    assert 'id="desk-notes"' in html
    assert "Who confirmed the March date?" in html and "The lab report, page 4." in html
    assert '<blockquote class="desk-note__quote">infected in  March</blockquote>' in html
    assert html.count("· open") == 2
    assert [note.author.username for note in DeskNote.objects.all()] == ["eda", "omar"]
    assert 'form="desk-note-form"' in html


def test_a_quote_must_be_words_of_the_story(newsroom):
    """Pointing at words the story does not hold is refused with a message."""
    editor = signed_in(newsroom["editor"], second_factor=False)
    response = editor.post(
        add_url(newsroom["story"]),
        {"text": "Check this", "quote": "infected in April"},
        follow=True,
    )
    assert not DeskNote.objects.exists()
    assert "The story does not say this" in response.content.decode()


def test_resolving_and_reopening_are_recorded(newsroom):
    """Resolve records who and when; reopen clears it."""
    editor = signed_in(newsroom["editor"], second_factor=False)
    editor.post(add_url(newsroom["story"]), {"text": "Legal read needed"})
    note = DeskNote.objects.get()
    editor.post(reverse("admin:notes_desknote_resolve", args=[note.pk]))
    note.refresh_from_db()
    assert note.resolved_by == newsroom["editor"] and note.resolved_at is not None
    html = editor.get(change_url(newsroom["story"])).content.decode()
    assert "resolved by eda at" in html and ">Reopen<" in html
    editor.post(reverse("admin:notes_desknote_reopen", args=[note.pk]))
    note.refresh_from_db()
    assert note.is_open and note.resolved_by is None


def test_desk_notes_are_for_staff_who_see_the_story(newsroom, django_user_model):
    """Staff without access to stories, and anonymous visitors, can neither read nor add them."""
    DeskNote.objects.create(article=newsroom["story"], author=newsroom["editor"], text="Hold")
    note = DeskNote.objects.get()
    nobody = django_user_model.objects.create_user("guest", password="pw", is_staff=True)
    for client in (signed_in(nobody, second_factor=False), Client()):
        for url in (
            add_url(newsroom["story"]),
            reverse("admin:notes_desknote_resolve", args=[note.pk]),
            reverse("admin:notes_desknote_changelist"),
            reverse("admin:notes_desknote_change", args=[note.pk]),
        ):
            response = client.post(url, {"text": "planted"})
            assert response.status_code in {302, 403}, url
            if response.status_code == 302:
                assert response["Location"].startswith("/admin/login/")
    assert DeskNote.objects.count() == 1 and DeskNote.objects.get().is_open


def test_a_blocking_note_stops_publishing_on_every_path(newsroom):
    """The form, a forged POST and the service all refuse while a blocking note is open."""
    story = newsroom["story"]
    DeskNote.objects.create(
        article=story, author=newsroom["editor"], text="Lawyer must read", blocking=True
    )
    editor = signed_in(newsroom["editor"], second_factor=False)
    data = article_form(
        story.section,
        headline=story.headline,
        slug=story.slug,
        body=story.body,
        base_version=story.version,
        tags="",
    )
    response = editor.post(change_url(story), data)
    assert response.status_code == 200
    assert "Open desk notes block publishing (1): resolve them first." in (
        response.content.decode()
    )
    story.refresh_from_db()
    assert story.status == Article.Status.DRAFT
    with pytest.raises(ValidationError, match="desk notes block publishing"):
        services.publish(article=story, user=newsroom["editor"])
    # A draft can still be saved, and once the note is resolved the story goes out.
    assert editor.post(change_url(story), data | {"status": "draft"}).status_code == 302
    note = DeskNote.objects.get()
    editor.post(reverse("admin:notes_desknote_resolve", args=[note.pk]))
    story.refresh_from_db()
    response = editor.post(change_url(story), data | {"base_version": story.version})
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.status == Article.Status.PUBLISHED


def test_a_note_that_does_not_block_is_no_obstacle(newsroom):
    """An open note without "blocks publishing" lets the story go out."""
    story = newsroom["story"]
    DeskNote.objects.create(article=story, author=newsroom["editor"], text="Nice lede")
    services.publish(article=story, user=newsroom["editor"])
    assert Article.objects.get(pk=story.pk).status == Article.Status.PUBLISHED


def test_the_change_list_shows_open_desk_notes(newsroom):
    """A column counts open and blocking notes; a filter lists stories with them."""
    story = newsroom["story"]
    DeskNote.objects.create(article=story, text="One", blocking=True)
    DeskNote.objects.create(article=story, text="Two")
    resolved = DeskNote.objects.create(article=story, text="Three")
    resolved.resolved_at = resolved.created_at
    resolved.save()
    editor = signed_in(newsroom["editor"], second_factor=False)
    changelist = reverse("admin:articles_article_changelist")
    html = editor.get(changelist).content.decode()
    assert '<span class="desk-notes-count">2 open, 1 blocking</span>' in html
    listed = editor.get(changelist + "?desk_notes=blocking").context["cl"].result_list
    assert [article.pk for article in listed] == [story.pk]
