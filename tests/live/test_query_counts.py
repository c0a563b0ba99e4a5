"""A live story's page costs the same number of queries whatever the number of entries."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article
from live.models import Entry
from tests.factories import AuthorFactory, PhotoFactory

from .conftest import make_entries

pytestmark = pytest.mark.django_db

# The article page's six (tests/articles/test_query_counts.py), then the pinned entries, the
# page of entries, their bylines, and the photos shown inside entries.
LIVE_PAGE_QUERIES = 6 + 4


@pytest.fixture(autouse=True)
def no_timed_recheck(settings):
    settings.PAGE_CACHE_RECHECK_SECONDS = 3600


@pytest.mark.parametrize("count", [3, 60])
def test_live_page_query_count_is_fixed(client, coverage, count):
    """Three entries or sixty, with bylines, pins and inline photos: the same queries."""
    authors = [AuthorFactory() for _ in range(3)]
    photo = PhotoFactory()
    entries = make_entries(coverage, count)
    for n, entry in enumerate(entries):
        entry.authors.set(authors[: 1 + n % 3])
        if n % 2:
            entry.body = f'<p>Scene {n}.</p><figure data-photo="{photo.pk}"></figure>'
        if n == 1:
            entry.pinned = Entry.Pin.KEY_EVENT
        entry.save()
    url = coverage.article.get_absolute_url()
    client.get("/corrections/")  # the per-generation values, read once
    ContentType.objects.get_for_model(Article)  # kept by every process after its first page
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, HTTP_ACCEPT_ENCODING="identity")
    assert response.status_code == 200
    assert response.content.decode().count("data-entry-id=") == min(count, 21)
    assert len(queries) == LIVE_PAGE_QUERIES
