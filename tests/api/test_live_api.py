"""The read API's live coverage: the entries a live story's readers see, and nothing else."""

import json
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from api import schemas
from articles.models import Article
from live.models import Entry
from pagecache.generation import generations
from tests.factories import ArticleFactory, AuthorFactory, SectionFactory
from tests.live.conftest import make_entries

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def generous_limit(settings):
    settings.API_RATE_LIMIT = 10_000
    settings.LIVE_ENTRIES_PER_PAGE = 3


def get(client, url):
    response = client.get(url)
    assert response["Content-Type"].startswith("application/json"), url
    return response, json.loads(response.content)


def url_of(coverage) -> str:
    return f"/api/v1/articles/{coverage.article_id}/live"


def test_entries_are_what_readers_see_pinned_first_then_newest(client, coverage):
    reporter = AuthorFactory(name="ليلى حداد", slug="layla")
    older, newer = make_entries(coverage, 2)
    newer.authors.add(reporter)
    summary = Entry.objects.create(
        coverage=coverage, title="Summary", body="<p>What we know.</p>",
        status=Entry.Status.PUBLISHED, pinned=Entry.Pin.SUMMARY,
        published_at=timezone.now() - timedelta(hours=2),
    )  # fmt: skip
    Entry.objects.create(coverage=coverage, body="<p>Draft: source unconfirmed.</p>")
    Entry.objects.create(
        coverage=coverage, body="<p>Embargoed until the briefing.</p>",
        status=Entry.Status.PUBLISHED, published_at=timezone.now() + timedelta(hours=1),
    )  # fmt: skip
    response, answer = get(client, url_of(coverage))
    assert response.status_code == 200
    schemas.LiveStream.model_validate(answer)
    assert answer["running"] is True and answer["ended_at"] is None
    assert answer["article_url"].endswith(coverage.article.get_absolute_url())
    assert [entry["id"] for entry in answer["pinned"]] == [summary.pk]
    assert answer["pinned"][0]["pinned"] == "summary"
    assert [entry["id"] for entry in answer["items"]] == [newer.pk, older.pk]
    first = answer["items"][0]
    assert first["body_html"] == "<p>Update number 1.</p>"
    assert first["body_text"] == "Update number 1."
    assert first["pinned"] is None
    assert [author["name"] for author in first["authors"]] == ["ليلى حداد"]
    assert first["url"].endswith(newer.get_absolute_url())
    text = response.content.decode()
    assert "source unconfirmed" not in text and "Embargoed" not in text


def test_older_entries_page_by_cursor_and_pinned_ones_come_once(client, coverage):
    entries = make_entries(coverage, 7)
    Entry.objects.create(
        coverage=coverage, body="<p>Key event.</p>", status=Entry.Status.PUBLISHED,
        pinned=Entry.Pin.KEY_EVENT, published_at=timezone.now() - timedelta(hours=1),
    )  # fmt: skip
    seen, pinned, url = [], [], url_of(coverage)
    while url:
        answer = get(client, url)[1]
        seen += [entry["id"] for entry in answer["items"]]
        pinned += answer["pinned"]
        url = answer["next"] and f"{url_of(coverage)}?cursor={answer['next']}"
    assert seen == [entry.pk for entry in reversed(entries)]
    assert len(pinned) == 1


def test_an_ended_coverage_says_so(client, coverage):
    coverage.ended_at = timezone.now()
    coverage.save()
    answer = get(client, url_of(coverage))[1]
    assert answer["running"] is False and answer["ended_at"]


def test_no_coverage_a_draft_story_or_a_bad_cursor_is_a_4xx_in_json(client, coverage):
    make_entries(coverage, 1)
    plain = ArticleFactory(section=SectionFactory(slug="world"))
    assert get(client, f"/api/v1/articles/{plain.pk}/live")[0].status_code == 404
    assert get(client, "/api/v1/articles/999999/live")[0].status_code == 404
    assert get(client, f"{url_of(coverage)}?cursor=%00")[0].status_code == 400
    Article.objects.filter(pk=coverage.article_id).update(status=Article.Status.DRAFT)
    generations().pages.clear()
    response, answer = get(client, url_of(coverage))
    assert response.status_code == 404 and "Update number" not in response.content.decode()


def test_a_new_entry_shows_at_once(client, coverage):
    make_entries(coverage, 1)
    assert len(get(client, url_of(coverage))[1]["items"]) == 1
    make_entries(coverage, 1)
    assert len(get(client, url_of(coverage))[1]["items"]) == 2


@pytest.mark.parametrize("entries", [3, 30])
def test_query_count_is_fixed(client, coverage, entries):
    make_entries(coverage, entries, pinned=Entry.Pin.NONE)
    for entry in Entry.objects.all():
        entry.authors.add(AuthorFactory())
    client.get(url_of(coverage))  # per-generation values read once
    generations().pages.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url_of(coverage)).status_code == 200
    # the story; pinned entries, the page of entries, their bylines
    assert len(queries) == 4, [query["sql"] for query in queries]
