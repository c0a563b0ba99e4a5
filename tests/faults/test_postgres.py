"""PostgreSQL down: readers get what is cached, a plain 503 for the rest, and everything comes
back by itself when the database does (issue #21)."""

import pytest

from tests.faults.services import PostgresCluster, RedisServer, Site, newest_story, staff_cookie

pytestmark = [pytest.mark.faults, pytest.mark.own_site]


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    folder = tmp_path_factory.mktemp("postgres-fault")
    postgres = PostgresCluster()
    postgres.start()
    postgres.create_database()
    redis = RedisServer(folder)
    redis.start()
    site = Site({"DATABASE_URL": postgres.url, "REDIS_URL": redis.url}, folder)
    site.prepare()
    site.start()
    yield site, postgres
    site.stop()
    redis.stop()
    postgres.remove()


def test_a_database_outage_serves_cached_pages_and_503_for_the_rest(world):
    site, postgres = world
    story, headline = newest_story(site)
    editor = staff_cookie(site)
    for path in ["/", story, "/news/"]:
        assert site.get(path)[0] == 200
    postgres.stop()
    try:
        for path in ["/", story, "/news/"]:
            status, headers, body, _ = site.get(path)
            assert status == 200 and headers["X-Page-Cache"] == "hit", path
        assert headline in site.get(story)[2]
        status, headers, body, _ = site.get("/corrections/")  # never drawn before
        assert status == 503 and headers["Retry-After"] == "30"
        assert "back in a moment" in body and "Traceback" not in body
        assert site.get("/healthz")[0] == 503
        status, _, body, _ = site.get("/admin/articles/article/", cookies=editor)
        assert status == 503 and "The database is not answering" in body
        assert "keeps a copy" in body
    finally:
        postgres.start()
    # Back without a restart: connections are made again.
    assert site.get("/corrections/")[0] == 200
    assert site.get("/healthz")[0] == 200
    assert site.get("/admin/articles/article/", cookies=editor)[0] == 200
    assert "Internal Server Error" not in site.logged()
