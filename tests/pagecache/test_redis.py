"""The page cache and sessions on Redis, as in production (NEWSROOM_TEST_REDIS_URL)."""

import pytest
from django.core.cache import caches
from django.test import Client

from tests.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_cache(settings, redis_url):
    """The production cache settings, on the test Redis database."""
    url = redis_url
    options = {"socket_connect_timeout": 0.25, "socket_timeout": 0.25, "retry_seconds": 5}
    settings.CACHES = {
        alias: {"BACKEND": "newsroom.cache.TolerantRedisCache", "LOCATION": url,
                "KEY_PREFIX": alias, "OPTIONS": options}
        for alias in ("default", "sessions")
    }  # fmt: skip
    settings.PAGE_CACHE_SHARED = True
    caches["default"].clear()
    yield caches["default"]
    caches["default"].clear()


def test_pages_are_cached_in_redis_and_refreshed_after_a_change(redis_cache):
    news = SectionFactory(slug="news", name="News")
    ArticleFactory(section=news, headline="First story")
    client = Client()  # a new client builds its middleware, with the Redis cache, on first use
    assert client.get("/news/")["X-Page-Cache"] == "miss"
    assert client.get("/news/")["X-Page-Cache"] == "hit"
    keys = redis_cache._cache.get_client().keys("*")
    assert any(b":page:" in key for key in keys)
    assert any(b"pagecache:generation" in key for key in keys)
    ArticleFactory(section=news, headline="Second story")
    response = client.get("/news/")
    assert response["X-Page-Cache"] == "miss"
    assert b"Second story" in response.content


def test_emptying_the_page_cache_signs_nobody_out(redis_cache, editor):
    """Sessions live in the database: pages pushing them out of Redis cost nothing."""
    client = Client()
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200
    redis_cache._cache.get_client().flushdb()
    assert client.get("/admin/").status_code == 200
