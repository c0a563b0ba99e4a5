"""Every reader response names what it shows, for the CDN (issue #20)."""

import pytest
from taggit.models import Tag

from tests.factories import ArticleFactory, AuthorFactory, PhotoFactory, SectionFactory

pytestmark = pytest.mark.django_db


def keys_of(response, header="Surrogate-Key", separator=" ") -> set[str]:
    return set(response[header].split(separator))


@pytest.fixture
def story():
    news = SectionFactory(slug="news", name="News")
    article = ArticleFactory(
        section=news,
        headline="Port reopens",
        lead_photo=PhotoFactory(credit="Jane Doe"),
        authors=[AuthorFactory(name="Amal")],
        tags=["shipping"],
    )
    return article


def test_without_a_cdn_readers_get_no_keys(client, story):
    """With EDGE_CACHE empty no page carries surrogate keys in any header."""
    for url in ["/", "/news/", story.get_absolute_url(), "/feed/"]:
        response = client.get(url)
        assert response.status_code == 200
        for header in ["Surrogate-Key", "Cache-Tag", "xkey"]:
            assert header not in response


def test_article_page_names_story_photo_section_tags_authors_and_chrome(client, fastly, story):
    """The article page's keys name the story, its photo, section, tags, authors and the chrome."""
    response = client.get(story.get_absolute_url())
    assert b"Port reopens" in response.content
    tag = Tag.objects.get(name="shipping")
    assert keys_of(response) >= {
        f"article:{story.pk}",
        f"photo:{story.lead_photo_id}",
        f"section-name:{story.section_id}",
        f"tag:{tag.pk}",
        f"author:{story.authors.get().pk}",
        "chrome",
    }
    # Related stories are chosen by tag and there are none: the section's newest fill in.
    assert f"section:{story.section_id}" in keys_of(response)


def test_text_edition_lists_name_what_publishing_changes(client, fastly, story):
    """The text edition's front and section pages leave the CDN with the full ones."""
    from textedition.addresses import section_address

    home = client.get("/text/")
    assert b"Port reopens" in home.content and "latest" in keys_of(home)
    section = client.get(section_address(story.section))
    assert b"Port reopens" in section.content
    assert {f"section:{story.section_id}", f"section-name:{story.section_id}"} <= keys_of(section)


def test_api_lists_name_the_bylines_and_tags_they_show(client, fastly, story):
    """Renaming an author or a tag must reach the API's lists at the edge too."""
    response = client.get("/api/v1/articles")
    assert b"Amal" in response.content
    tag = Tag.objects.get(name="shipping")
    assert keys_of(response) >= {
        f"article:{story.pk}", f"tag:{tag.pk}", f"author:{story.authors.get().pk}",
    }  # fmt: skip


def test_the_page_cache_sends_the_same_keys_on_a_hit(client, fastly, story):
    """A page answered from our own cache carries the keys it was drawn with."""
    first = client.get(story.get_absolute_url())
    second = client.get(story.get_absolute_url())
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert second["Surrogate-Key"] == first["Surrogate-Key"]


def test_home_page_names_every_story_on_it_and_the_newest_list(client, fastly, story):
    """The home page's keys name each story it shows and the site's newest-stories list."""
    other = ArticleFactory(section=story.section, headline="Ferry strike ends")
    response = client.get("/")
    assert b"Ferry strike ends" in response.content
    assert keys_of(response) >= {f"article:{story.pk}", f"article:{other.pk}", "latest", "chrome"}


def test_section_page_names_its_subsections_lists(client, fastly, story):
    """A section page lists its subsections' stories, so it carries their list keys too."""
    gaza = SectionFactory(slug="gaza", name="Gaza", parent=story.section)
    inner = ArticleFactory(section=gaza, headline="Crossing opens")
    response = client.get("/news/")
    assert b"Crossing opens" in response.content
    assert keys_of(response) >= {
        f"section:{story.section_id}",
        f"section:{gaza.pk}",
        f"article:{inner.pk}",
        f"article:{story.pk}",
    }


def test_tag_author_feed_and_sitemap_pages_name_their_lists(client, fastly, story):
    """Tag, author, feed and sitemap pages name the list they show."""
    tag = Tag.objects.get(name="shipping")
    author = story.authors.get()
    expected = {
        "/tags/shipping/": f"tag:{tag.pk}",
        "/tags/shipping/feed/": f"tag:{tag.pk}",
        f"/authors/{author.slug}/": f"author:{author.pk}",
        "/feed/": "latest",
        "/news/feed/": f"section:{story.section_id}",
        "/sitemap.xml": "sitemaps",
        "/news-sitemap.xml": "sitemaps",
        "/corrections/": "corrections",
    }
    for url, key in expected.items():
        response = client.get(url)
        assert response.status_code == 200, url
        assert key in keys_of(response), url
        if url != "/sitemap.xml" and url != "/corrections/":
            assert f"article:{story.pk}" in keys_of(response), url


def test_cloudflare_gets_comma_separated_cache_tags(client, cloudflare, story):
    """Behind Cloudflare the keys go in Cache-Tag, separated by commas."""
    response = client.get("/")
    assert "Surrogate-Key" not in response
    assert {f"article:{story.pk}", "latest", "chrome"} <= keys_of(response, "Cache-Tag", ",")


def test_the_header_name_is_configurable(client, settings, varnish_standin, story):
    """EDGE_KEY_HEADER renames the header (a CDN reading another one)."""
    settings.EDGE_KEY_HEADER = "X-Cache-Keys"
    response = client.get("/")
    assert "xkey" not in response
    assert "latest" in keys_of(response, "X-Cache-Keys")


def test_private_and_missing_pages_carry_no_keys(client, fastly, story):
    """Searches (private) and 404s carry no keys: the CDN keeps neither."""
    assert "Surrogate-Key" not in client.get("/search/?q=port")
    missing = client.get("/news/2020/01/01/no-such-story/")
    assert missing.status_code == 404
    assert "Surrogate-Key" not in missing


def test_edge_lifetime_is_hours_with_stale_directives(client, fastly, story):
    """Behind a purged CDN pages are kept for hours, stale while revalidating and on errors."""
    for response in [client.get("/"), client.get("/")]:
        cache_control = set(response["Cache-Control"].split(", "))
        assert "max-age=60" in cache_control
        assert {"s-maxage=14400", "s-maxage=14399"} & cache_control
        assert {"stale-while-revalidate=60", "stale-if-error=86400"} <= cache_control


def test_naming_what_a_page_shows_costs_no_query(client, settings, story):
    """Every reader page makes as many queries with keys collected as without."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from pagecache.generation import generations

    # The generation is checked against the database once a second: not during this test.
    settings.PAGE_CACHE_RECHECK_SECONDS = 3600
    urls = ["/", "/news/", story.get_absolute_url(), "/feed/", "/tags/shipping/"]
    counts = {}
    for cdn in ["", "fastly"]:
        settings.EDGE_CACHE, settings.EDGE_FASTLY_SERVICE_ID = cdn, "service"
        settings.EDGE_FASTLY_TOKEN = "token"
        for url in urls:
            client.get(url)  # per-generation values are read once, by the first page
            generations().pages.clear()
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            counts[cdn, url] = len(queries)
    assert [counts["", url] for url in urls] == [counts["fastly", url] for url in urls]
