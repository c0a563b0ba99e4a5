"""The editorial workflow through the admin, with real users in each group (issue #4)."""

from datetime import timedelta

import pytest
from django.contrib.admin.models import DELETION, LogEntry
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles import services
from articles.models import Article, Correction
from tests.articles.test_admin import article_form, inline_management_form
from tests.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:articles_article_add")


def change_url(article: Article) -> str:
    return reverse("admin:articles_article_change", args=[article.pk])


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def edit_form(article: Article, **overrides) -> dict:
    """The change form as the browser would post it: every field, plus the version it started from."""
    article.refresh_from_db()
    local = timezone.localtime(article.published_at)
    data = article_form(
        article.section,
        headline=article.headline,
        slug=article.slug,
        summary=article.summary,
        body=article.body,
        tags=", ".join(article.tags.names()),
        status=article.status,
        published_at_0=local.strftime("%Y-%m-%d"),
        published_at_1=local.strftime("%H:%M:%S"),
        # As the browser sends it: the time the form showed when it was opened.
        **{
            "initial-published_at_0": local.strftime("%Y-%m-%d"),
            "initial-published_at_1": local.strftime("%H:%M:%S"),
        },
        base_version=article.version,
    )
    return data | overrides


# Roles


def test_roles_exist_after_migrate_and_sync_roles_repairs_them():
    """The groups come from a migration; sync_roles puts back permissions someone removed."""
    assert set(Group.objects.values_list("name", flat=True)) >= {"Reporter", "Editor", "Site admin"}
    editor = Group.objects.get(name="Editor")
    editor.permissions.clear()
    call_command("sync_roles")
    codenames = set(editor.permissions.values_list("codename", flat=True))
    assert {"publish_article", "change_article", "add_photo"} <= codenames
    assert "delete_article" not in codenames


def test_reporter_writes_a_draft_and_sends_it_for_review(reporter):
    client = logged_in(reporter)
    section = SectionFactory()
    response = client.post(ADD_URL, article_form(section, status="review"))
    assert response.status_code == 302
    assert Article.objects.get().status == Article.Status.REVIEW


def test_reporter_posting_published_by_hand_is_refused(reporter):
    """Publishing is checked on the server: a crafted POST gets a form error, nothing is saved."""
    client = logged_in(reporter)
    response = client.post(ADD_URL, article_form(SectionFactory(), status="published"))
    assert response.status_code == 200
    assert b"Select a valid choice. published is not one of the available choices." in (
        response.content
    )
    assert not Article.objects.exists()


def test_reporter_cannot_publish_an_existing_draft(reporter):
    draft = ArticleFactory(status=Article.Status.DRAFT)
    response = logged_in(reporter).post(change_url(draft), edit_form(draft, status="published"))
    assert response.status_code == 200
    draft.refresh_from_db()
    assert draft.status == Article.Status.DRAFT


def test_reporter_cannot_change_a_published_article(reporter):
    """Live stories are read-only for reporters: the form is view-only and a POST is refused."""
    live = ArticleFactory(headline="Live headline")
    client = logged_in(reporter)
    page = client.get(change_url(live))
    assert page.status_code == 200
    assert b'name="headline"' not in page.content
    response = client.post(change_url(live), edit_form(live, headline="Defaced"))
    assert response.status_code == 403
    live.refresh_from_db()
    assert live.headline == "Live headline"


def test_reporter_has_no_unpublish_or_delete(reporter):
    article = ArticleFactory()
    client = logged_in(reporter)
    changelist = client.get(reverse("admin:articles_article_changelist")).content.decode()
    assert "unpublish_selected" not in changelist and "delete_selected" not in changelist
    delete = reverse("admin:articles_article_delete", args=[article.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assert Article.objects.filter(pk=article.pk).exists()


# Publishing


def test_editor_publishes_and_it_is_logged_with_the_user(desk_editor, client):
    article = ArticleFactory(status=Article.Status.REVIEW)
    response = logged_in(desk_editor).post(
        change_url(article), edit_form(article, status="published")
    )
    assert response.status_code == 302
    entry = LogEntry.objects.filter(object_id=str(article.pk), change_message="Published").get()
    assert entry.user == desk_editor
    article.refresh_from_db()  # publishing sets the publish time, and so the address
    assert client.get(article.get_absolute_url()).status_code == 200


def test_editor_schedules_and_readers_see_nothing_until_then(desk_editor, client):
    article = ArticleFactory(status=Article.Status.REVIEW, headline="Embargoed budget")
    later = timezone.localtime() + timedelta(hours=3)
    logged_in(desk_editor).post(
        change_url(article),
        edit_form(
            article,
            status="published",
            published_at_0=later.strftime("%Y-%m-%d"),
            published_at_1=later.strftime("%H:%M:%S"),
        ),
    )
    article.refresh_from_db()
    assert article.display_status == "Scheduled"
    assert LogEntry.objects.filter(change_message__startswith="Scheduled for").exists()
    assert client.get(article.get_absolute_url()).status_code == 404
    assert "Embargoed budget" not in client.get("/").content.decode()


def test_unpublish_action_takes_down_without_deleting(desk_editor, client):
    article = ArticleFactory()
    response = logged_in(desk_editor).post(
        reverse("admin:articles_article_changelist"),
        {"action": "unpublish_selected", "_selected_action": [article.pk]},
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == Article.Status.UNPUBLISHED
    assert client.get(article.get_absolute_url()).status_code == 404
    entry = LogEntry.objects.get(object_id=str(article.pk), change_message="Unpublished")
    assert entry.user == desk_editor


def test_editor_cannot_delete_but_site_admin_can_with_confirmation(desk_editor, site_admin):
    article = ArticleFactory()
    delete = reverse("admin:articles_article_delete", args=[article.pk])
    assert logged_in(desk_editor).post(delete, {"post": "yes"}).status_code == 403
    admin_client = logged_in(site_admin)
    confirm = admin_client.get(delete)
    assert b"Are you sure" in confirm.content
    assert admin_client.post(delete, {"post": "yes"}).status_code == 302
    assert not Article.objects.filter(pk=article.pk).exists()
    assert LogEntry.objects.get(object_id=str(article.pk), action_flag=DELETION).user == site_admin


def test_status_filter_and_review_queue(desk_editor):
    now = timezone.now()
    ArticleFactory(headline="A draft", status=Article.Status.DRAFT)
    ArticleFactory(headline="Waiting for review", status=Article.Status.REVIEW)
    ArticleFactory(headline="Coming tomorrow", published_at=now + timedelta(days=1))
    ArticleFactory(headline="Out now")
    ArticleFactory(headline="Taken down", status=Article.Status.UNPUBLISHED)
    client = logged_in(desk_editor)
    changelist = reverse("admin:articles_article_changelist")
    expected = {
        "draft": "A draft",
        "review": "Waiting for review",
        "scheduled": "Coming tomorrow",
        "published": "Out now",
        "unpublished": "Taken down",
    }
    for value, headline in expected.items():
        html = client.get(changelist, {"status": value}).content.decode()
        shown = [h for h in expected.values() if f">{h}<" in html]
        assert shown == [headline], value
    queue = client.get(reverse("admin:articles_articleinreview_changelist")).content.decode()
    assert ">Waiting for review<" in queue and ">A draft<" not in queue
    assert "Review queue" in client.get(reverse("admin:index")).content.decode()


# Revisions


def test_every_save_keeps_a_revision_with_its_author(desk_editor):
    article = ArticleFactory(headline="First headline")
    client = logged_in(desk_editor)
    client.post(change_url(article), edit_form(article, headline="Second headline"))
    records = list(article.history.order_by("history_date"))
    assert [r.headline for r in records] == ["First headline", "Second headline"]
    assert records[-1].history_user == desk_editor
    history = client.get(reverse("admin:articles_article_history", args=[article.pk]))
    assert b"Second headline" in history.content and b"Compare with current" in history.content
    html = history.content.decode()
    assert '<th scope="col">Saved by</th>' in html
    assert f"<td>{desk_editor}</td>" in html and "<td>Published</td>" in html
    # Editors may not open user accounts: no link they would find closed.
    assert "/admin/auth/user/" not in html
    assert "compare_link" not in html.lower() and "<td>None</td>" not in html


def test_compare_shows_a_readable_diff(desk_editor):
    article = ArticleFactory(headline="Storm closes port", body="<p>The port closed at noon.</p>")
    client = logged_in(desk_editor)
    first = article.history.get()
    client.post(
        change_url(article),
        edit_form(article, headline="Storm shuts port", body="<p>The port closed at dawn.</p>"),
    )
    url = reverse("admin:articles_article_compare", args=[article.pk])
    html = client.get(url, {"from": first.history_id}).content.decode()
    assert "Storm <del>closes</del> <ins>shuts</ins> port" in html
    assert "closed at <del>noon.</del> <ins>dawn.</ins>" in html


def test_restoring_an_old_revision(desk_editor):
    article = ArticleFactory(headline="Original headline")
    client = logged_in(desk_editor)
    first = article.history.get()
    client.post(change_url(article), edit_form(article, headline="Bad edit"))
    restore_url = reverse(
        "admin:articles_article_simple_history", args=[article.pk, first.history_id]
    )
    form = client.get(restore_url)
    assert form.status_code == 200
    data = edit_form(article, headline="Original headline")
    data["base_version"] = form.context["adminform"].form["base_version"].value()
    response = client.post(restore_url, data)
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.headline == "Original headline"
    assert article.version == 3


# No lost updates


def test_second_save_of_an_older_version_is_refused(make_member):
    """Two editors open the story; the one who saves second is told, and loses nothing silently."""
    alice, bob = make_member("Editor", "alice"), make_member("Editor", "bob")
    article = ArticleFactory(headline="Original")
    alice_form = edit_form(article, headline="Alice's headline")
    bob_form = edit_form(article, headline="Bob's headline")
    assert logged_in(alice).post(change_url(article), alice_form).status_code == 302
    response = logged_in(bob).post(change_url(article), bob_form)
    assert response.status_code == 200
    html = response.content.decode()
    assert "alice saved this article while you were editing it" in html
    assert f"{reverse('admin:articles_article_compare', args=[article.pk])}?from_version=1" in html
    assert "Bob&#x27;s headline" in html  # Bob's text is still in his form, not lost.
    article.refresh_from_db()
    assert article.headline == "Alice's headline"


def test_editors_see_who_else_is_editing(make_member):
    alice, bob = make_member("Editor", "alice"), make_member("Editor", "bob")
    article = ArticleFactory()
    logged_in(alice).get(change_url(article))
    html = logged_in(bob).get(change_url(article)).content.decode()
    assert "alice opened this article for editing at" in html.lower()


# Corrections


def test_correction_is_shown_to_readers_and_listed_publicly(desk_editor, client):
    article = ArticleFactory(published_at=timezone.now() - timedelta(days=2))
    Article.objects.filter(pk=article.pk).update(created_at=article.published_at)
    data = (
        edit_form(article)
        | inline_management_form(total=1)
        | {
            "corrections-0-kind": "correction",
            "corrections-0-text": "An earlier version misnamed the port.",
            "corrections-0-published_at_0": timezone.localtime().strftime("%Y-%m-%d"),
            "corrections-0-published_at_1": timezone.localtime().strftime("%H:%M:%S"),
        }
    )
    assert logged_in(desk_editor).post(change_url(article), data).status_code == 302
    html = client.get(article.get_absolute_url()).content.decode()
    assert "An earlier version misnamed the port." in html
    assert "Updated <time" in html
    listing = client.get("/corrections/").content.decode()
    assert "An earlier version misnamed the port." in listing
    assert article.headline in listing


def test_corrections_of_unpublished_articles_are_not_listed(client):
    draft = ArticleFactory(status=Article.Status.DRAFT)
    Correction.objects.create(article=draft, text="Secret correction")
    assert "Secret correction" not in client.get("/corrections/").content.decode()


# Preview


def test_shared_preview_link_works_without_login_and_expires(settings, client):
    draft = ArticleFactory(status=Article.Status.DRAFT, headline="Draft for the lawyer")
    url = reverse("articles:shared_preview", args=[services.preview_token(draft)])
    response = client.get(url)
    assert response.status_code == 200
    assert b"Draft for the lawyer" in response.content
    assert response["Referrer-Policy"] == "no-referrer"
    assert "noindex" in response["X-Robots-Tag"]
    assert "no-store" in response["Cache-Control"]
    settings.PREVIEW_LINK_MAX_AGE = -1
    assert client.get(url).status_code == 404


def test_tampered_preview_link_is_404(client):
    draft = ArticleFactory(status=Article.Status.DRAFT)
    other = ArticleFactory(status=Article.Status.DRAFT)
    token = services.preview_token(draft)
    forged = token.replace(f"{draft.pk}:", f"{other.pk}:", 1)
    assert client.get(reverse("articles:shared_preview", args=[forged])).status_code == 404


def test_admin_offers_the_preview_link_for_unpublished_articles(desk_editor):
    draft = ArticleFactory(status=Article.Status.DRAFT)
    html = logged_in(desk_editor).get(change_url(draft)).content.decode()
    assert "/preview/shared/" in html


# Found in review: each of these was a way around the rules above.


def test_reporter_cannot_restore_a_revision_over_a_live_article(reporter):
    live = ArticleFactory(headline="Live headline")
    first = live.history.get()
    url = reverse("admin:articles_article_simple_history", args=[live.pk, first.history_id])
    response = logged_in(reporter).post(url, edit_form(live, headline="Defaced", status="review"))
    assert response.status_code == 403
    live.refresh_from_db()
    assert (live.headline, live.status) == ("Live headline", Article.Status.PUBLISHED)


def test_reporter_cannot_change_a_photo_on_a_live_article(reporter):
    from tests.factories import PhotoFactory

    used = PhotoFactory(caption="Live caption")
    ArticleFactory(lead_photo=used)
    unused = PhotoFactory(caption="Draft caption")
    client = logged_in(reporter)
    data = {"caption": "Changed", "credit": "", "alt_text": "Alt"}
    assert client.post(reverse("admin:media_photo_change", args=[used.pk]), data).status_code == 403
    assert (
        client.post(reverse("admin:media_photo_change", args=[unused.pk]), data).status_code == 302
    )
    used.refresh_from_db()
    assert used.caption == "Live caption"


def test_review_queue_opens_stories_in_the_article_admin(desk_editor):
    story = ArticleFactory(status=Article.Status.REVIEW, headline="Waiting")
    client = logged_in(desk_editor)
    queue = client.get(reverse("admin:articles_articleinreview_changelist")).content.decode()
    assert reverse("admin:articles_article_change", args=[story.pk]) in queue
    proxy_change = reverse("admin:articles_articleinreview_change", args=[story.pk])
    assert client.get(proxy_change)["Location"] == change_url(story)


def test_staff_preview_needs_the_right_to_see_articles(django_user_model, settings, make_member):
    draft = ArticleFactory(status=Article.Status.DRAFT)
    nobody = django_user_model.objects.create_user("nobody", password="pw", is_staff=True)
    assert logged_in(nobody).get(draft.get_preview_url()).status_code == 403
    settings.TWO_FACTOR_REQUIRED = True
    unverified = logged_in(make_member("Editor", "unverified"))
    assert unverified.get(draft.get_preview_url())["Location"] == reverse("admin:two_factor")


def test_shared_preview_stops_when_the_article_is_taken_down(client):
    article = ArticleFactory(status=Article.Status.DRAFT)
    url = reverse("articles:shared_preview", args=[services.preview_token(article)])
    assert client.get(url).status_code == 200
    article.status = Article.Status.UNPUBLISHED
    article.save()
    assert client.get(url).status_code == 404
    article.status = Article.Status.REVIEW  # back in the works: the old link stays dead
    article.save()
    assert client.get(url).status_code == 404
    fresh = reverse("articles:shared_preview", args=[services.preview_token(article)])
    assert client.get(fresh).status_code == 200


def test_publishing_an_old_draft_dates_it_now(desk_editor):
    draft = ArticleFactory(
        status=Article.Status.REVIEW, published_at=timezone.now() - timedelta(days=3)
    )
    logged_in(desk_editor).post(change_url(draft), edit_form(draft, status="published"))
    draft.refresh_from_db()
    assert timezone.now() - draft.published_at < timedelta(minutes=1)


def test_a_save_without_its_version_is_refused(desk_editor):
    article = ArticleFactory(headline="Kept")
    data = edit_form(article, headline="Blind overwrite")
    del data["base_version"]
    response = logged_in(desk_editor).post(change_url(article), data)
    assert b"This form is out of date." in response.content
    article.refresh_from_db()
    assert article.headline == "Kept"


def test_viewing_a_story_one_cannot_change_is_not_editing_it(reporter, desk_editor):
    live = ArticleFactory()
    logged_in(reporter).get(change_url(live))
    assert (
        "opened this article for editing"
        not in logged_in(desk_editor).get(change_url(live)).content.decode()
    )
