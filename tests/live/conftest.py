from datetime import timedelta

import pytest
from django.utils import timezone

from live.models import Entry, LiveCoverage
from tests.factories import ArticleFactory, AuthorFactory, SectionFactory


def make_entries(coverage: LiveCoverage, count: int, **fields) -> list[Entry]:
    """`count` published entries, a minute apart, the last one newest."""
    start = timezone.now() - timedelta(minutes=count + 1)
    entries = []
    for n in range(count):
        entry = Entry.objects.create(
            coverage=coverage,
            body=f"<p>Update number {n}.</p>",
            status=Entry.Status.PUBLISHED,
            published_at=start + timedelta(minutes=n),
            **fields,
        )
        entries.append(entry)
    return entries


@pytest.fixture
def coverage(db) -> LiveCoverage:
    news = SectionFactory(slug="news", name="News")
    article = ArticleFactory(
        section=news,
        headline="Port strike: live",
        slug="port-strike-live",
        authors=[AuthorFactory(name="Aisha Rahman")],
        published_at=timezone.now() - timedelta(hours=3),
    )
    return LiveCoverage.objects.create(article=article, started_at=article.published_at)
