"""What readers of a live story see: the stream, its pages, permalinks, badges and data."""

import json
import re

import pytest
from django.core.cache import cache
from django.utils import timezone

from live.models import Entry
from pagecache import memo
from pagecache.generation import generations
from tests.factories import ArticleFactory, AuthorFactory

from .conftest import make_entries

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    memo.forget()


def entry_ids(html: str) -> list[int]:
    return [int(pk) for pk in re.findall(r'id="entry-(\d+)"', html)]


def test_live_page_shows_pinned_first_then_newest_first(client, coverage):
    """The pinned entry leads, then the others newest first, each with time, byline and link."""
    entries = make_entries(coverage, 3)
    author = AuthorFactory(name="Omar Haddad", slug="omar-haddad")
    entries[1].authors.set([author])
    entries[0].pinned = Entry.Pin.KEY_EVENT
    entries[0].save()
    response = client.get(coverage.article.get_absolute_url())
    html = response.content.decode()
    assert entry_ids(html) == [entries[0].pk, entries[2].pk, entries[1].pk]
    assert "Key event" in html
    assert 'href="/authors/omar-haddad/"' in html
    assert f'href="/live/entries/{entries[2].pk}/"' in html
    assert '<p class="badge badge--live">Live</p>' in html
    assert 'src="/static/js/live.js"' in html


def test_draft_entries_are_not_shown(client, coverage):
    """An entry waiting as a draft is on no reader page."""
    Entry.objects.create(coverage=coverage, body="<p>Unconfirmed rumour.</p>")
    html = client.get(coverage.article.get_absolute_url()).content.decode()
    assert "Unconfirmed rumour" not in html
    assert "No updates yet." in html


def test_hostile_markup_in_an_entry_is_cleaned(client, coverage):
    """Scripts and handlers typed into an entry never reach readers."""
    Entry.objects.create(
        coverage=coverage,
        status=Entry.Status.PUBLISHED,
        body='<p onclick="steal()">Crowds gather.<script>alert(1)</script></p>',
    )
    html = client.get(coverage.article.get_absolute_url()).content.decode()
    assert "<p>Crowds gather.</p>" in html
    assert "alert(1)" not in html
    assert "steal()" not in html


def test_older_updates_are_paged_by_keyset(client, coverage, settings):
    """Past a page of entries an "Older updates" link leads to the next ones, without pins."""
    settings.LIVE_ENTRIES_PER_PAGE = 5
    entries = make_entries(coverage, 12)
    entries[3].pinned = Entry.Pin.SUMMARY
    entries[3].save()
    url = coverage.article.get_absolute_url()
    html = client.get(url).content.decode()
    newest = [e.pk for e in entries if e.pk != entries[3].pk][::-1]
    assert entry_ids(html) == [entries[3].pk, *newest[:5]]
    older = re.search(r'href="\?before=([0-9_]+)#live-heading">Older updates', html)
    second = client.get(f"{url}?before={older[1]}").content.decode()
    assert entry_ids(second) == newest[5:10]
    assert 'src="/static/js/live.js"' not in second


def test_permalink_of_an_old_entry_opens_the_page_holding_it(client, coverage, settings):
    """An entry's permalink leads to a page of the stream that shows it."""
    settings.LIVE_ENTRIES_PER_PAGE = 5
    entries = make_entries(coverage, 12)
    response = client.get(entries[1].get_absolute_url())
    assert response.status_code == 302
    assert response["Location"].endswith(f"#entry-{entries[1].pk}")
    page = client.get(response["Location"].split("#")[0]).content.decode()
    assert entries[1].pk in entry_ids(page)
    newest = client.get(entries[-1].get_absolute_url())
    assert newest["Location"] == f"{coverage.article.get_absolute_url()}#entry-{entries[-1].pk}"


def test_deleted_entry_permalink_shows_the_page_without_it(client, coverage):
    """A deleted entry's permalink opens the live page, which no longer shows it."""
    gone, kept = make_entries(coverage, 2)
    gone_pk = gone.pk
    gone.delete()
    response = client.get(f"/live/entries/{gone_pk}/", follow=True)
    assert response.status_code == 200
    assert entry_ids(response.content.decode()) == [kept.pk]


def test_unknown_entry_permalink_is_not_found(client, coverage):
    """A permalink to an entry that never existed is a 404."""
    assert client.get("/live/entries/999999/").status_code == 404


def test_ended_coverage_says_so_with_its_summary_on_top(client, coverage):
    """Once ended, readers see it has ended and the pinned summary first; no script polls."""
    entries = make_entries(coverage, 3)
    entries[2].pinned = Entry.Pin.SUMMARY
    entries[2].title = "What we know"
    entries[2].save()
    coverage.ended_at = timezone.now()
    coverage.save()
    html = client.get(coverage.article.get_absolute_url()).content.decode()
    assert "This live coverage has ended." in html
    assert entry_ids(html)[0] == entries[2].pk
    assert "live.js" not in html
    assert "badge--live" not in html


def test_live_badge_on_cards_while_coverage_runs(client, coverage):
    """Home, section and tag pages mark the running live story's card "Live"."""
    coverage.article.tags.set(["strikes"])
    ArticleFactory(section=coverage.article.section, tags=["strikes"])
    for url in ["/", "/news/", "/tags/strikes/"]:
        html = client.get(url).content.decode()
        assert html.count('<span class="badge badge--live">Live</span>') == 1, url
    coverage.ended_at = timezone.now()
    coverage.save()
    assert "badge--live" not in client.get("/").content.decode()


def test_structured_data_is_a_live_blog_posting(client, coverage):
    """JSON-LD says LiveBlogPosting, with the coverage times and the newest entries."""
    entries = make_entries(coverage, 2)
    entries[1].title = "Talks resume"
    entries[1].save()
    html = client.get(coverage.article.get_absolute_url()).content.decode()
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(blocks[0])
    assert data["@type"] == "LiveBlogPosting"
    assert data["coverageStartTime"] == coverage.started_at.isoformat()
    assert "coverageEndTime" not in data
    first = data["liveBlogUpdate"][0]
    assert first["@type"] == "BlogPosting"
    assert first["headline"] == "Talks resume"
    assert first["articleBody"] == "Update number 1."
    assert first["datePublished"] == entries[1].published_at.isoformat()


def test_feed_of_entries_is_linked_from_the_page(client, coverage):
    """The page links a feed whose items are the entries, newest first."""
    make_entries(coverage, 2)
    html = client.get(coverage.article.get_absolute_url()).content.decode()
    feed_url = f"/live/{coverage.pk}/feed/"
    assert (
        f'type="application/rss+xml" title="Live updates: Port strike: live" href="{feed_url}"'
        in html
    )
    feed = client.get(feed_url).content.decode()
    assert feed.index("Update number 1.") < feed.index("Update number 0.")


def test_check_answers_304_until_an_entry_is_posted(
    client, coverage, settings, django_assert_num_queries
):
    """The check carries an ETag and a short lifetime; unchanged it is a 304 from the page
    cache without a query, and a new entry changes it at once."""
    settings.PAGE_CACHE_RECHECK_SECONDS = 3600
    make_entries(coverage, 1)
    url = f"/live/{coverage.pk}/check/"
    first = client.get(url)
    assert first.status_code == 200
    assert first["Cache-Control"].startswith("public, max-age=5, s-maxage=5")
    etag = first["ETag"]
    with django_assert_num_queries(0):
        again = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    new = make_entries(coverage, 1)[0]
    changed = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert json.loads(changed.content)["entries"][0] == new.pk


def test_live_page_is_kept_briefly_while_coverage_runs(client, coverage):
    """A CDN keeps a running live story's page for seconds, not minutes."""
    response = client.get(coverage.article.get_absolute_url())
    assert "s-maxage=15," in response["Cache-Control"]


def test_check_of_an_unpublished_story_is_not_found(client, coverage):
    """Coverage of a story readers cannot see answers 404 everywhere."""
    coverage.article.status = coverage.article.Status.DRAFT
    coverage.article.save()
    for url in [
        f"/live/{coverage.pk}/check/",
        f"/live/{coverage.pk}/latest/",
        f"/live/{coverage.pk}/feed/",
    ]:
        assert client.get(url).status_code == 404, url


def test_latest_fragment_holds_the_newest_entries(client, coverage):
    """The script's fragment draws the newest entries as the page does."""
    entries = make_entries(coverage, 3)
    html = client.get(f"/live/{coverage.pk}/latest/").content.decode()
    assert entry_ids(html) == [e.pk for e in entries[::-1]]


def test_revalidating_readers_keep_the_check_in_the_page_cache(
    client, coverage, settings, django_assert_num_queries
):
    """A check redrawn for a reader who sends If-None-Match is still kept: the next reader's
    revalidation is a 304 from the cache, without a query."""
    settings.PAGE_CACHE_RECHECK_SECONDS = 3600
    make_entries(coverage, 1)
    url = f"/live/{coverage.pk}/check/"
    etag = client.get(url)["ETag"]
    cache.clear()
    generations().pages.clear()
    first = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert first.status_code == 304
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert second.status_code == 304
    assert second["X-Page-Cache"] == "hit"
