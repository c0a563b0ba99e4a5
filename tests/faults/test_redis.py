"""Redis down or hanging costs speed, never a page (issue #21)."""

import re

import pytest

from tests.faults.services import (
    RedisServer,
    Site,
    newest_story,
    retitle_newest,
    staff_cookie,
)  # fmt: skip

pytestmark = [pytest.mark.faults, pytest.mark.own_site]


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    folder = tmp_path_factory.mktemp("redis-fault")
    redis = RedisServer(folder)
    redis.start()
    site = Site(
        {"REDIS_URL": redis.url, "REDIS_TIMEOUT_SECONDS": "0.2", "REDIS_RETRY_SECONDS": "1"}, folder
    )
    site.prepare()
    site.start()
    yield site, redis
    site.stop()
    redis.stop()


READER_PAGES = ["/", "/news/", "/feed/", "/search/?q=court"]


def test_readers_get_every_page_while_redis_is_down(world):
    site, redis = world
    story, headline = newest_story(site)
    for path in [*READER_PAGES, story]:
        site.get(path)
    assert site.kept(story)
    redis.stop()
    try:
        for _ in range(3):
            for path in [*READER_PAGES, story]:
                status, headers, body, seconds = site.get(path)
                assert status == 200, (path, body[:500])
                assert seconds < 1.5, (path, seconds)  # a short timeout, then no waiting
        assert headline in site.get(story)[2]
        warnings = re.findall(r"Redis is not answering", site.logged())
        assert 1 <= len(warnings) <= site.workers  # once per interval, not per request
    finally:
        redis.start()


def test_staff_keep_working_while_redis_is_down(world):
    site, redis = world
    cookie = staff_cookie(site)
    assert site.get("/admin/", cookies=cookie)[0] == 200
    redis.stop()
    try:
        status, _, body, _ = site.get("/admin/articles/article/", cookies=cookie)
        assert status == 200 and "Select article to change" in body
    finally:
        redis.start()


def test_a_hanging_redis_never_serves_a_page_from_before_a_change(world):
    """Redis hangs (it keeps every page it holds), an editor changes a story meanwhile, Redis
    comes back: readers get the new story at once, not the page kept before the outage."""
    site, redis = world
    story, _ = newest_story(site)
    assert site.kept(story)
    redis.pause()
    try:
        status, _, _, seconds = site.get(story)
        assert status == 200 and seconds < 1.5
        retitle_newest(site, "Changed while Redis hung")
    finally:
        redis.resume()
    new_story, _ = newest_story(site)
    status, headers, body, _ = site.get(new_story)
    assert status == 200 and "Changed while Redis hung" in body
    # Caching resumed by itself: the page is kept again.
    assert site.kept(new_story)
