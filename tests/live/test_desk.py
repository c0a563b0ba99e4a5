"""The live desk in the admin: starting, posting (with and without the script), ending."""

import json

import pytest
from django.urls import reverse

from articles.models import Author
from live.models import Entry, LiveCoverage

pytestmark = pytest.mark.django_db


def post_url(coverage) -> str:
    return reverse("admin:live_entry_post", args=[coverage.article_id])


def change_url(article) -> str:
    return reverse("admin:articles_article_change", args=[article.pk])


def test_editor_starts_coverage_from_the_story_page(client, desk_editor, coverage):
    """A story without coverage offers "Start live coverage"; posting it starts coverage."""
    article = coverage.article
    coverage.delete()
    client.force_login(desk_editor)
    page = client.get(change_url(article)).content.decode()
    assert "Start live coverage" in page
    response = client.post(reverse("admin:live_entry_start", args=[article.pk]))
    assert response.status_code == 302
    assert LiveCoverage.objects.get(article=article).is_running
    page = client.get(change_url(article)).content.decode()
    assert "Post entry" in page
    assert "data-live-post" in page
    assert "newsroom_admin/live_desk.js" in page


def test_reporter_cannot_start_or_end_coverage(client, reporter, coverage):
    """Starting and ending coverage are editors' decisions."""
    client.force_login(reporter)
    assert (
        client.post(reverse("admin:live_entry_end", args=[coverage.article_id])).status_code == 403
    )
    coverage.refresh_from_db()
    assert coverage.is_running


def test_posting_with_the_script_answers_json_with_the_new_list(client, desk_editor, coverage):
    """The desk's script gets the entry list back with the new entry, published at once."""
    client.force_login(desk_editor)
    response = client.post(
        post_url(coverage),
        {"title": "Unions call a vote", "body": "<p>The vote is at six.</p>", "pinned": ""},
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 200
    answer = json.loads(response.content)
    assert answer["ok"] is True
    assert "Unions call a vote" in answer["entries_html"]
    entry = Entry.objects.get()
    assert entry.status == Entry.Status.PUBLISHED
    assert entry.created_by == desk_editor
    assert "The vote is at six." in client.get(coverage.article.get_absolute_url()).content.decode()


def test_posting_without_the_script_redirects_back_to_the_story(client, desk_editor, coverage):
    """A plain POST saves the entry and returns to the story's page with a message."""
    client.force_login(desk_editor)
    response = client.post(
        post_url(coverage), {"body": "<p>Dockers walk out.</p>", "pinned": "key_event"}
    )
    assert response.status_code == 302
    assert response["Location"] == change_url(coverage.article) + "#live-desk"
    assert Entry.objects.get().pinned == Entry.Pin.KEY_EVENT


def test_authors_default_to_the_posting_users_author(client, desk_editor, coverage):
    """The form proposes the byline of the author linked to the signed-in account."""
    author = Author.objects.create(name="Lina Saleh", slug="lina-saleh", user=desk_editor)
    client.force_login(desk_editor)
    page = client.get(change_url(coverage.article)).content.decode()
    assert f'<option value="{author.pk}" selected>Lina Saleh</option>' in page


@pytest.mark.parametrize(
    "body, message",
    [
        ("", "Write the update before posting it."),
        ("<p>  </p>", "Write the update before posting it."),
        ("<p>" + "word " * 700 + "</p>", "An entry is at most 3,000 characters"),
    ],
)
def test_empty_or_over_long_entry_is_a_form_error(client, desk_editor, coverage, body, message):
    """Nothing is saved, and the error says why, with the script and without it."""
    client.force_login(desk_editor)
    answer = client.post(post_url(coverage), {"body": body}, HTTP_ACCEPT="application/json")
    assert answer.status_code == 400
    assert message in json.loads(answer.content)["errors"]["body"][0]["message"]
    plain = client.post(post_url(coverage), {"body": body})
    assert plain.status_code == 400
    assert message in plain.content.decode()
    assert not Entry.objects.exists()


def test_hostile_markup_is_cleaned_when_posted(client, desk_editor, coverage):
    """What the desk posts goes through the one sanitizer before readers see it."""
    client.force_login(desk_editor)
    client.post(post_url(coverage), {"body": '<p>Hi<img src=x onerror="alert(1)"></p>'})
    assert Entry.objects.get().body_html == "<p>Hi</p>"


def test_posting_to_ended_coverage_is_refused_with_a_message(client, desk_editor, coverage):
    """Once coverage has ended, an entry posted from an old tab is refused, saying why."""
    client.force_login(desk_editor)
    client.post(reverse("admin:live_entry_end", args=[coverage.article_id]))
    answer = client.post(
        post_url(coverage), {"body": "<p>Late.</p>"}, HTTP_ACCEPT="application/json"
    )
    assert answer.status_code == 400
    errors = json.loads(answer.content)["errors"]["__all__"]
    assert errors[0]["message"] == "This live coverage has ended: nothing more can be posted to it."
    assert not Entry.objects.exists()
    page = client.get(change_url(coverage.article)).content.decode()
    assert "Ended" in page
    assert "data-live-post" not in page


def test_reporter_entries_wait_as_drafts(client, reporter, coverage):
    """A reporter's entry is a draft readers do not see, whatever the form asked for."""
    client.force_login(reporter)
    client.post(post_url(coverage), {"body": "<p>From the picket line.</p>", "pinned": "summary"})
    entry = Entry.objects.get()
    assert entry.status == Entry.Status.DRAFT
    assert entry.pinned == ""
    assert "picket line" not in client.get(coverage.article.get_absolute_url()).content.decode()


def test_reporter_given_the_right_posts_directly(client, reporter, coverage):
    """The right to post directly is a permission Reporters can be given."""
    from django.contrib.auth.models import Permission

    reporter.user_permissions.add(Permission.objects.get(codename="post_entry"))
    client.force_login(reporter)
    client.post(post_url(coverage), {"body": "<p>Police arrive.</p>"})
    assert Entry.objects.get().status == Entry.Status.PUBLISHED


def test_only_editors_delete_entries(client, reporter, desk_editor, coverage):
    """Deleting an entry is refused to reporters; an editor's delete keeps it in history."""
    entry = Entry.objects.create(coverage=coverage, body="<p>Wrong.</p>")
    delete = reverse("admin:live_entry_delete", args=[entry.pk])
    client.force_login(reporter)
    assert client.post(delete, {"post": "yes"}).status_code == 403
    client.force_login(desk_editor)
    assert client.post(delete, {"post": "yes"}).status_code == 302
    assert not Entry.objects.exists()
    assert Entry.history.filter(id=entry.pk, history_type="-").exists()


def test_edited_entry_shows_updated_time_and_correction(client, desk_editor, coverage):
    """An entry edited later shows readers its update time and the correction."""
    from datetime import timedelta

    from django.utils import timezone

    entry = Entry.objects.create(
        coverage=coverage,
        body="<p>Ten ships wait.</p>",
        status=Entry.Status.PUBLISHED,
        published_at=timezone.now() - timedelta(minutes=30),
    )
    client.force_login(desk_editor)
    response = client.post(
        reverse("admin:live_entry_change", args=[entry.pk]),
        {
            "title": "",
            "body": "<p>Twelve ships wait.</p>",
            "pinned": "",
            "status": "published",
            "correction": "An earlier version gave the number of ships as ten.",
        },
    )
    assert response.status_code == 302
    client.logout()
    html = client.get(coverage.article.get_absolute_url()).content.decode()
    assert "Twelve ships wait." in html
    assert "An earlier version gave the number of ships as ten." in html
    assert 'class="live-entry__updated">Updated' in html


def test_entry_admin_refuses_a_new_entry_for_ended_coverage(client, desk_editor, coverage):
    """The entries' own add form refuses coverage that has ended, too."""
    from django.utils import timezone

    coverage.ended_at = timezone.now()
    coverage.save()
    client.force_login(desk_editor)
    response = client.post(
        reverse("admin:live_entry_add"),
        {"coverage": coverage.pk, "title": "", "body": "<p>Late.</p>", "pinned": "",
         "status": "published", "correction": ""},
    )  # fmt: skip
    assert response.status_code == 200
    assert "This live coverage has ended" in response.content.decode()
    assert not Entry.objects.exists()


def test_story_history_keeps_every_entry_even_deleted(client, desk_editor, coverage):
    """The story's history page lists its live entries' revisions, a deleted one included."""
    client.force_login(desk_editor)
    client.post(post_url(coverage), {"body": "<p>Gate closed at noon.</p>"})
    entry = Entry.objects.get()
    client.post(reverse("admin:live_entry_delete", args=[entry.pk]), {"post": "yes"})
    page = client.get(reverse("admin:articles_article_history", args=[coverage.article_id]))
    html = page.content.decode()
    assert "Gate closed at noon." in html
    assert "<td>Created</td>" in html
    assert "<td>Deleted</td>" in html
