"""The page cache and sessions on Redis, as in production (skipped where Redis is absent)."""

import socket

import pytest
from django.core.cache import caches
from django.test import Client

from tests.factories import ArticleFactory, SectionFactory

REDIS_URL = "redis://127.0.0.1:6379/15"


def redis_answers() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        return False
    return True


pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not redis_answers(), reason="no Redis server on 127.0.0.1:6379"),
]


@pytest.fixture
def redis_cache(settings):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
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
    assert any(key.startswith(b":1:page:") for key in keys)
    ArticleFactory(section=news, headline="Second story")
    response = client.get("/news/")
    assert response["X-Page-Cache"] == "miss"
    assert b"Second story" in response.content
