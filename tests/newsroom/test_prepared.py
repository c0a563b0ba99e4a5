"""Prepared queries: compiled once, run with new values, the same rows the queryset gives."""

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.db.models import CharField, DateTimeField
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from newsroom.prepared import Param, Prepared
from tests.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db(transaction=True)

BY_SLUG = Prepared(
    lambda: (
        Article.objects.live(at=Param("now", DateTimeField()))
        .select_related("section")
        .filter(slug=Param("slug", CharField()))
    )
)


def test_each_run_binds_its_own_values():
    news = SectionFactory(slug="news", name="News")
    first = ArticleFactory(slug="first", section=news)
    later = ArticleFactory(
        slug="later", section=news, published_at=timezone.now() + timedelta(hours=1)
    )
    now = timezone.now()
    assert BY_SLUG.run(slug="first", now=now) == [first]
    assert BY_SLUG.run(slug="later", now=now) == []  # not live yet: the one definition holds
    assert BY_SLUG.run(slug="later", now=now + timedelta(hours=2)) == [later]
    with CaptureQueriesContext(connection) as queries:
        (found,) = BY_SLUG.run(slug="first", now=now)
        assert found.section.name == "News"  # select_related came with it
    assert len(queries) == 1


def test_threads_run_on_their_own_connections():
    """Compiled in one thread, run in others: each uses its own database connection."""
    ArticleFactory(slug="shared")
    now, found, errors = timezone.now(), [], []

    def read():
        try:
            found.append(BY_SLUG.run(slug="shared", now=now)[0].slug)
        except Exception as error:  # reported below, in the test thread
            errors.append(error)
        finally:
            connection.close()

    BY_SLUG.run(slug="shared", now=now)
    threads = [threading.Thread(target=read) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and found == ["shared"] * 4
