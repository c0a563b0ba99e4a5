"""Publishing is one service, whoever calls it: the admin, a command, a test (issue #13)."""

from datetime import timedelta

import pytest
from django.contrib.admin.models import LogEntry
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles import services
from articles.models import Article
from tests.articles.test_workflow import edit_form
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def logged(article) -> list[str]:
    return list(
        LogEntry.objects.filter(object_id=str(article.pk)).values_list("change_message", flat=True)
    )


def test_publishing_dates_a_story_now_and_logs_who(desk_editor):
    draft = ArticleFactory(
        status=Article.Status.DRAFT, published_at=timezone.now() - timedelta(days=2)
    )
    services.publish(article=draft, user=desk_editor)
    draft.refresh_from_db()
    assert draft.is_live and timezone.now() - draft.published_at < timedelta(seconds=5)
    assert logged(draft) == ["Published"]
    assert draft.history.latest().history_user == desk_editor


def test_publishing_at_a_chosen_time_keeps_it(desk_editor):
    draft = ArticleFactory(status=Article.Status.DRAFT)
    yesterday = timezone.now() - timedelta(days=1)
    services.publish(article=draft, user=desk_editor, at=yesterday)
    draft.refresh_from_db()
    assert draft.published_at == yesterday


def test_scheduling_needs_a_time_to_come(desk_editor):
    draft = ArticleFactory(status=Article.Status.DRAFT)
    with pytest.raises(ValueError):
        services.schedule(article=draft, user=desk_editor, at=timezone.now() - timedelta(hours=1))
    services.schedule(article=draft, user=desk_editor, at=timezone.now() + timedelta(hours=1))
    draft.refresh_from_db()
    assert draft.is_scheduled and logged(draft)[0].startswith("Scheduled for")


def test_only_those_who_may_publish_can_change_what_readers_see(reporter):
    draft, live = ArticleFactory(status=Article.Status.DRAFT), ArticleFactory()
    with pytest.raises(PermissionDenied):
        services.publish(article=draft, user=reporter)
    live.headline = "Changed by a reporter"
    with pytest.raises(PermissionDenied):
        services.save(article=live, user=reporter)
    draft = Article.objects.get(pk=draft.pk)
    draft.headline = "Reporters write drafts"
    services.save(article=draft, user=reporter)
    assert Article.objects.get(pk=draft.pk).headline == "Reporters write drafts"
    assert Article.objects.get(pk=live.pk).headline != "Changed by a reporter"


def test_unpublishing_logs_each_story(desk_editor):
    stories = [ArticleFactory(), ArticleFactory()]
    assert services.unpublish(articles=Article.objects.all(), user=desk_editor) == 2
    assert all(logged(story) == ["Unpublished"] for story in stories)


def test_restoring_a_revision_brings_back_its_text_not_its_status(desk_editor):
    story = ArticleFactory(headline="First version")
    story.headline = "Second version"
    services.save(article=story, user=desk_editor)
    first = story.history.order_by("history_date").first()
    services.restore(revision=first, user=desk_editor)
    story.refresh_from_db()
    assert story.headline == "First version" and story.is_live
    assert story.history.latest().history_change_reason == f"Restored version {first.version}"


def test_an_admin_save_reads_the_stored_story_once(desk_editor):
    """Besides the admin's own lookup, the version check, publishing rules and the new version
    number share one locked read of the row."""
    story = ArticleFactory(status=Article.Status.REVIEW)
    client = Client()
    client.force_login(desk_editor)
    url = reverse("admin:articles_article_change", args=[story.pk])
    form = edit_form(story, status="published")
    with CaptureQueriesContext(connection) as queries:
        response = client.post(url, form)
    assert response.status_code == 302
    table = connection.ops.quote_name("articles_article")
    reads = [q["sql"] for q in queries if q["sql"].startswith("SELECT") and f"FROM {table}" in q["sql"]
             and "version" in q["sql"]]  # fmt: skip
    assert len(reads) <= 2, reads  # the admin's get_object, and the stored row
