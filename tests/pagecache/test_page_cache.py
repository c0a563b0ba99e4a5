"""Whole-page caching: fast for readers, and never wrong after an editor's change (issue #7)."""

import time
from datetime import timedelta
from unittest import mock

import pytest
from django.db.models import F
from django.utils import timezone
from django.utils.http import http_date

from articles.models import Article, Correction
from pagecache.models import Generation
from siteinfo.models import SiteSettings
from tests.factories import ArticleFactory, PhotoFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def news():
    return SectionFactory(slug="news", name="News")


def read(client, url: str) -> tuple[str, str]:
    response = client.get(url)
    assert response.status_code == 200
    return response["X-Page-Cache"], response.content.decode()


def test_readers_get_cached_pages_with_cdn_friendly_headers(client, news):
    ArticleFactory(section=news)
    first = client.get("/news/")
    second = client.get("/news/")
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert second.content == first.content
    cache_control = set(second["Cache-Control"].split(", "))
    assert "public" in cache_control and "stale-while-revalidate=30" in cache_control
    assert "max-age=60" in cache_control and {"s-maxage=300", "s-maxage=299"} & cache_control


@pytest.mark.parametrize(
    "change",
    ["publish", "edit", "unpublish", "section", "photo", "site", "correction", "tag"],
)
def test_every_change_is_seen_on_the_next_request(client, news, change):
    article = ArticleFactory(
        headline="Original headline", section=news, lead_photo=PhotoFactory(caption="Old caption")
    )
    read(client, article.get_absolute_url())
    read(client, "/")
    read(client, "/news/")
    assert read(client, "/news/")[0] == "hit"
    if change == "publish":
        ArticleFactory(headline="Breaking story", section=news)
        expected, url = "Breaking story", "/news/"
    elif change == "edit":
        article.headline = "Corrected headline"
        article.save()
        expected, url = "Corrected headline", "/news/"
    elif change == "unpublish":
        article.status = Article.Status.UNPUBLISHED
        article.save()
        assert client.get(article.get_absolute_url()).status_code == 404
        assert client.get("/news/").status_code == 404  # its only story is gone
        expected, url = "No stories have been published yet.", "/"
    elif change == "section":
        news.name = "World News"
        news.save()
        expected, url = "World News", "/news/"
    elif change == "photo":
        article.lead_photo.caption = "New caption"
        article.lead_photo.save()
        expected, url = "New caption", article.get_absolute_url()
    elif change == "site":
        site = SiteSettings.load()
        site.name = "The Meridian"
        site.save()
        expected, url = "The Meridian", "/news/"
    elif change == "correction":
        Correction.objects.create(article=article, text="We misnamed the port.")
        expected, url = "We misnamed the port.", article.get_absolute_url()
    else:
        article.tags.add("harbour")
        expected, url = "/tags/harbour/", article.get_absolute_url()
    state, html = read(client, url)
    assert state == "miss"
    assert expected in html


def test_generation_lives_in_the_database_for_every_process(news):
    """A change readers see starts a new generation in the shared database."""
    epoch, value = Generation.current().key.split(":")
    ArticleFactory(section=news)
    new_epoch, new_value = Generation.current().key.split(":")
    assert int(new_value) == int(value) + 1
    assert new_epoch != epoch


def test_a_rolled_back_change_never_brings_back_a_used_generation():
    """A bump undone with its transaction cannot give a later change the same key."""
    from django.db import transaction

    with transaction.atomic():
        ArticleFactory()
        inside = Generation.current().key
        transaction.set_rollback(True)
    ArticleFactory()
    assert Generation.current().key != inside


def test_a_recreated_generation_never_matches_old_keys():
    """A restored or emptied database counts from 1 again; its pages get new keys all the same."""
    before = Generation.current().key
    Generation.objects.all().delete()
    after = Generation.current().key
    assert after.split(":")[1] == "1" and after.split(":")[0] != before.split(":")[0]


def test_bookkeeping_does_not_empty_the_cache(editor):
    from articles import services

    article = ArticleFactory()
    before = Generation.current().key
    services.mark_editing(article=article, user=editor)
    assert Generation.current().key == before


def test_scheduled_article_appears_when_its_time_comes(client, news):
    """A cached page never outlives the next scheduled publish time."""
    ArticleFactory(section=news, headline="Earlier story")
    due = timezone.now() + timedelta(seconds=90)
    ArticleFactory(section=news, headline="Embargoed story", published_at=due)
    response = client.get("/news/")
    assert "Embargoed story" not in response.content.decode()
    max_age = int(response["Cache-Control"].split("s-maxage=")[1].split(",")[0])
    assert 80 <= max_age <= 90
    assert client.get("/news/")["X-Page-Cache"] == "hit"
    later = time.time() + 91
    with (
        mock.patch("time.time", return_value=later),
        mock.patch("django.utils.timezone.now", return_value=due + timedelta(seconds=1)),
    ):
        state, html = read(client, "/news/")
    assert state == "miss"
    assert "Embargoed story" in html


def test_a_page_drawn_while_a_story_went_live_is_not_kept(news):
    """The story's time came after the request read the generation: the page may lack it, so it
    is kept for no time at all, not until the next scheduled one."""
    from pagecache.middleware import PageCacheMiddleware

    due = timezone.now() + timedelta(seconds=60)
    ArticleFactory(section=news, published_at=due)
    state = Generation.current()
    assert state.next_change == due
    with mock.patch("django.utils.timezone.now", return_value=due + timedelta(seconds=1)):
        assert PageCacheMiddleware.lifetime(state) == 0
    assert 50 <= PageCacheMiddleware.lifetime(state) <= 60


def test_signed_in_staff_always_get_fresh_private_pages(editor_client, news):
    from django.test import Client

    ArticleFactory(section=news, headline="First")
    read(Client(), "/news/")
    response = editor_client.get("/news/")
    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"] and "no-cache" in response["Cache-Control"]


def test_pages_with_errors_or_forms_are_not_shared(client, news):
    assert client.get("/news/?before=junk").status_code == 404
    assert client.get("/news/?before=junk").get("X-Page-Cache") != "hit"
    assert "X-Page-Cache" not in client.get("/admin/login/")


def test_article_pages_answer_304_when_unchanged(client, news):
    article = ArticleFactory(section=news)
    first = client.get(article.get_absolute_url())
    assert first["Last-Modified"] == http_date(
        max(article.modified_at, Generation.current().changed_at).timestamp()
    )
    assert first["ETag"]
    assert (
        client.get(article.get_absolute_url(), HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    )
    since = client.get(article.get_absolute_url(), HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304


def test_article_last_modified_moves_when_anything_on_the_page_changes(client, news):
    """A new photo credit is a new page, even for a cache that revalidates by date alone."""
    article = ArticleFactory(section=news, lead_photo=PhotoFactory(credit="Old Credit"))
    an_hour_ago = timezone.now() - timedelta(hours=1)
    Article.objects.filter(pk=article.pk).update(published_at=an_hour_ago, updated_at=an_hour_ago)
    Generation.objects.update(changed_at=an_hour_ago)
    first = client.get(article.get_absolute_url())
    assert first["Last-Modified"] == http_date(an_hour_ago.timestamp())
    photo = article.lead_photo
    photo.credit = "New Credit"
    photo.save()
    again = client.get(article.get_absolute_url(), HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert again.status_code == 200
    assert b"New Credit" in again.content
    assert again["Last-Modified"] == http_date(Generation.current().changed_at.timestamp())


def test_html_is_compressed_for_browsers_that_accept_it(client, news):
    ArticleFactory(section=news)
    response = client.get("/news/", HTTP_ACCEPT_ENCODING="gzip, br")
    assert response["Content-Encoding"] == "gzip"


def page_entries() -> int:
    from pagecache.generation import generations

    return len(generations().pages)


def test_query_parameters_a_page_does_not_read_add_no_entry(client, news):
    """Junk parameters (trackers, cache busters) get the page everyone gets, from the cache."""
    ArticleFactory(section=news)
    assert client.get("/")["X-Page-Cache"] == "miss"
    entries = page_entries()
    for n in range(20):
        response = client.get(f"/?utm_source={n}&fbclid=x{n}")
        assert response["X-Page-Cache"] == "hit"
    assert page_entries() == entries


def test_not_found_pages_are_not_kept_by_address(client, news):
    ArticleFactory(section=news)
    for n in range(20):
        assert client.get(f"/no-such-section-{n}/").status_code == 404
        assert client.get(f"/news/2026/01/01/missing-{n}/").status_code == 404
    assert page_entries() == 0


def test_readers_are_not_told_what_others_have_read(client, news, settings):
    """Production pages carry no cache-status header: it would reveal other readers' visits."""
    settings.PAGE_CACHE_DEBUG_HEADER = False
    ArticleFactory(section=news)
    client.get("/news/")
    assert "X-Page-Cache" not in client.get("/news/")


def test_searches_are_never_shared(client, news):
    """Nobody can learn what others searched for from the cache, ours or a CDN's."""
    ArticleFactory(section=news, headline="Secret ballot counted")
    first = client.get("/search/?q=ballot")
    assert "Secret ballot counted" in first.content.decode()
    assert "X-Page-Cache" not in client.get("/search/?q=ballot")
    assert "private" in first["Cache-Control"]
    assert page_entries() == 0


def test_saving_a_draft_leaves_live_pages_alone(news):
    """Readers' pages keep their ETag, Last-Modified and cache entry while the desk drafts."""
    from django.test import Client

    article = ArticleFactory(section=news)
    reader = Client()
    first = reader.get(article.get_absolute_url())
    draft = ArticleFactory(section=news, status=Article.Status.DRAFT, headline="Draft")
    draft.headline = "Draft, second version"
    draft.save()
    draft.tags.add("investigation")
    PhotoFactory()  # a new photo no story uses yet
    again = reader.get(article.get_absolute_url())
    assert again["X-Page-Cache"] == "hit"
    assert again["ETag"] == first["ETag"]
    assert again["Last-Modified"] == first["Last-Modified"]


def test_other_processes_see_a_change_within_the_recheck_interval(news, settings):
    """The copy of the generation can fall behind (a process killed before writing it): each
    process reads the database at least every PAGE_CACHE_RECHECK_SECONDS."""
    from pagecache.generation import Generations

    other = Generations()  # another process: its own copy reader and its own clock
    now = time.monotonic()
    with mock.patch("time.monotonic", return_value=now):
        before = other.read()[0]
        Generation.objects.update(value=F("value") + 1)  # committed, copy not written
        assert other.read()[0] == before
    later = now + settings.PAGE_CACHE_RECHECK_SECONDS
    with mock.patch("time.monotonic", return_value=later):
        assert other.read()[0] == Generation.current() != before


def test_after_a_cache_outage_the_generation_is_checked_at_once(news, settings):
    """A process that found Redis down checks the database at its first read after Redis is
    back, whatever the interval: Redis may still hold a generation from before a change."""
    from pagecache.generation import Generations

    settings.PAGE_CACHE_RECHECK_SECONDS = 3600
    process = Generations()
    before = process.read()[0]
    Generation.objects.update(value=F("value") + 1)  # a change the copy never heard of
    assert process.read()[0] == before
    process.copy.outages = 1  # a cache operation failed in between
    assert process.read()[0] == Generation.current() != before
