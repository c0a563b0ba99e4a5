"""Feeds, sitemaps, robots.txt, share cards, JSON-LD and mirror addresses (issue #5)."""

import json
import re
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest
from django.contrib.staticfiles import finders
from django.utils import timezone

from articles.models import Article
from siteinfo.models import SiteLink, SiteSettings
from tests.factories import ArticleFactory, AuthorFactory, PhotoFactory, SectionFactory

pytestmark = pytest.mark.django_db

MAIN = "https://news.example.org"
NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
    "media": "http://search.yahoo.com/mrss/",
}


@pytest.fixture
def site(settings):
    settings.ALLOWED_HOSTS = ["testserver", "news.example.org", "mirror.example.net"]
    site = SiteSettings.load()
    site.name, site.main_address = "The Meridian", MAIN
    site.save()
    SiteLink.objects.create(
        settings=site,
        kind="alternate",
        label="mirror.example.net",
        url="https://mirror.example.net/",
    )
    return site


@pytest.fixture
def newsroom(site):
    news = SectionFactory(slug="news", name="News")
    palestine = SectionFactory(slug="palestine", name="Palestine", parent=news)
    live = ArticleFactory(
        headline="Court rejects spyware bid",
        summary="Judges found the evidence insufficient.",
        section=palestine,
        lead_photo=PhotoFactory(caption="An office.", credit="Agency", alt_text="A building."),
        authors=[AuthorFactory(name="Leila Haddad", slug="leila-haddad")],
        tags=["spyware", "courts"],
    )
    draft = ArticleFactory(
        headline="Secret draft story",
        section=palestine,
        status=Article.Status.DRAFT,
        tags=["spyware"],
    )
    scheduled = ArticleFactory(
        headline="Embargoed story",
        section=palestine,
        tags=["spyware"],
        published_at=timezone.now() + timedelta(days=1),
    )
    return {"live": live, "hidden": [draft, scheduled], "section": palestine}


def local_path(url: str) -> str:
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}" == MAIN, url
    return parts.path + (f"?{parts.query}" if parts.query else "")


# Feeds


@pytest.mark.parametrize(
    "url", ["/feed/", "/news/palestine/feed/", "/news/feed/", "/tags/spyware/feed/"]
)
def test_feeds_list_published_articles_with_photo_author_and_categories(client, newsroom, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ElementTree.fromstring(response.content).find("channel")
    self_link = channel.find("{http://www.w3.org/2005/Atom}link")
    assert self_link.get("href") == f"{MAIN}{url}"
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == ["Court rejects spyware bid"]
    item = items[0]
    assert item.findtext("description") == "Judges found the evidence insufficient."
    assert item.findtext("{http://purl.org/dc/elements/1.1/}creator") == "Leila Haddad"
    assert sorted(c.text for c in item.findall("category")) == ["courts", "spyware"]
    assert item.findtext("pubDate")
    live = newsroom["live"]
    updated = item.findtext("{http://www.w3.org/2005/Atom}updated")
    assert datetime.fromisoformat(updated) == live.modified_at
    guid = item.find("guid")
    assert guid.get("isPermaLink") == "false"
    assert guid.text == (
        f"tag:news.example.org,{live.created_at.astimezone(UTC).date()}:article:{live.pk}"
    )
    media = item.find("media:content", NS)
    photo = live.lead_photo
    assert media.get("url") == f"{MAIN}{photo.url('og')}"
    assert (media.get("width"), media.get("height"), media.get("type")) == (
        "120",
        "63",
        "image/jpeg",
    )
    assert media.findtext("media:credit", namespaces=NS) == "Agency"
    assert media.findtext("media:description", namespaces=NS) == "An office."
    assert photo.image.storage.exists(photo.url("og").removeprefix("/media/"))
    assert client.get(local_path(item.findtext("link"))).status_code == 200


def test_feed_item_keeps_its_guid_when_the_story_moves(client, newsroom):
    """A new section, date or slug changes the link, not the item readers already have."""

    def guid_and_link():
        item = ElementTree.fromstring(client.get("/feed/").content).find("channel/item")
        return item.findtext("guid"), item.findtext("link")

    guid, link = guid_and_link()
    live = newsroom["live"]
    live.slug, live.section = "court-rejects-bid", SectionFactory(slug="world")
    live.published_at -= timedelta(days=2)
    live.save()
    new_guid, new_link = guid_and_link()
    assert new_link != link and new_link.endswith("/court-rejects-bid/")
    assert new_guid == guid


def test_feed_of_a_tag_used_only_by_drafts_is_404(client, newsroom):
    ArticleFactory(status=Article.Status.DRAFT, tags=["leak"])
    assert client.get("/tags/leak/feed/").status_code == 404


def test_pages_link_to_their_feeds(client, newsroom):
    html = client.get("/news/palestine/").content.decode()
    assert (
        '<link rel="alternate" type="application/rss+xml" title="The Meridian" href="/feed/">'
        in html
    )
    assert 'href="/news/palestine/feed/"' in html


# Sitemaps and robots


def test_sitemap_index_and_sitemaps_point_to_live_pages_on_the_main_domain(client, newsroom):
    index = ElementTree.fromstring(
        client.get("/sitemap.xml", HTTP_HOST="mirror.example.net").content
    )
    sitemap_urls = [loc.text for loc in index.findall("sm:sitemap/sm:loc", NS)]
    assert len(sitemap_urls) == 3
    pages = []
    for sitemap_url in sitemap_urls:
        response = client.get(local_path(sitemap_url), HTTP_HOST="mirror.example.net")
        assert response.status_code == 200
        urlset = ElementTree.fromstring(response.content)
        for url in urlset.findall("sm:url", NS):
            pages.append(url.findtext("sm:loc", namespaces=NS))
            assert url.findtext("sm:lastmod", namespaces=NS)
    assert f"{MAIN}{newsroom['live'].get_absolute_url()}" in pages
    assert f"{MAIN}/news/palestine/" in pages and f"{MAIN}/tags/spyware/" in pages
    for page in pages:
        assert client.get(local_path(page)).status_code == 200, page
    for article in newsroom["hidden"]:
        assert not any(article.slug in page for page in pages)


def test_news_sitemap_lists_the_last_48_hours(client, newsroom):
    old = ArticleFactory(headline="Old story", published_at=timezone.now() - timedelta(days=3))
    urlset = ElementTree.fromstring(client.get("/news-sitemap.xml").content)
    titles = [n.text for n in urlset.findall("sm:url/news:news/news:title", NS)]
    assert titles == ["Court rejects spyware bid"]
    assert old.headline not in titles
    url = urlset.find("sm:url", NS)
    assert url.findtext("news:news/news:publication/news:name", namespaces=NS) == "The Meridian"
    assert url.findtext("news:news/news:publication/news:language", namespaces=NS) == "en"
    assert client.get(local_path(url.findtext("sm:loc", namespaces=NS))).status_code == 200


def test_robots_txt_names_the_sitemaps(client, site):
    text = client.get("/robots.txt").content.decode()
    assert f"Sitemap: {MAIN}/sitemap.xml" in text
    assert f"Sitemap: {MAIN}/news-sitemap.xml" in text
    assert "Disallow: /admin/" in text


# Share cards and structured data


def json_ld(html: str) -> list[dict]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


def test_article_share_card_and_news_article_json_ld(client, newsroom):
    article = newsroom["live"]
    html = client.get(article.get_absolute_url(), HTTP_HOST="mirror.example.net").content.decode()
    canonical = f"{MAIN}{article.get_absolute_url()}"
    og_image = f"{MAIN}{article.lead_photo.url('og')}"
    for tag in [
        f'<link rel="canonical" href="{canonical}">',
        '<meta property="og:type" content="article">',
        '<meta property="og:title" content="Court rejects spyware bid">',
        '<meta property="og:description" content="Judges found the evidence insufficient.">',
        f'<meta property="og:image" content="{og_image}">',
        '<meta property="article:section" content="Palestine">',
        '<meta property="article:tag" content="spyware">',
        '<meta name="twitter:card" content="summary_large_image">',
        '<meta name="description" content="Judges found the evidence insufficient.">',
    ]:
        assert tag in html, tag
    news_article, breadcrumbs = json_ld(html)
    assert news_article["@type"] == "NewsArticle"
    assert news_article["headline"] == article.headline
    assert news_article["datePublished"] == article.published_at.isoformat()
    assert news_article["author"] == [
        {"@type": "Person", "name": "Leila Haddad", "url": f"{MAIN}/authors/leila-haddad/"}
    ]
    assert news_article["mainEntityOfPage"]["@id"] == canonical
    assert news_article["image"][0] == og_image
    assert news_article["publisher"]["name"] == "The Meridian"
    assert news_article["publisher"]["logo"]["url"] == f"{MAIN}/static/img/logo.png"
    assert finders.find("img/logo.png")
    names = [item["name"] for item in breadcrumbs["itemListElement"]]
    assert names == ["Home", "News", "Palestine"]
    visible = re.search(r'aria-label="Breadcrumb">(.*?)</nav>', html, re.S).group(1)
    assert [n for n in re.findall(r">([^<>]+)</a>", visible)] == names  # the same trail


def test_json_ld_cannot_break_out_of_its_script(client, newsroom):
    article = newsroom["live"]
    article.headline = "</script><script>alert(1)</script>"
    article.save()
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert json_ld(html)[0]["headline"] == "</script><script>alert(1)</script>"


def test_home_has_website_with_search_action(client, site):
    (website,) = json_ld(client.get("/").content.decode())
    assert website["@type"] == "WebSite"
    assert website["potentialAction"]["target"]["urlTemplate"] == (
        f"{MAIN}/search/?q={{search_term_string}}"
    )


# Mirror addresses


@pytest.mark.parametrize("host", ["news.example.org", "mirror.example.net"])
def test_pages_work_on_every_address_and_canonical_points_to_the_main_one(client, newsroom, host):
    response = client.get("/news/palestine/", HTTP_HOST=host)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<link rel="canonical" href="{MAIN}/news/palestine/">' in html
    assert '<a href="https://mirror.example.net/" rel="noopener">mirror.example.net</a>' in html


def test_unknown_host_is_refused(client, newsroom):
    assert client.get("/", HTTP_HOST="evil.example.com").status_code == 400


def test_onion_location_header_when_set(client, site):
    site.onion_address = "http://meridianabcdefghijklmnop.onion"
    site.save()
    response = client.get("/news/?page=1")
    assert response["Onion-Location"] == "http://meridianabcdefghijklmnop.onion/news/?page=1"
    assert "Onion-Location" not in client.get("/robots.txt")


def test_a_story_scheduled_ahead_is_modified_when_it_goes_out(client):
    """Saved today for tomorrow: feeds, sitemaps, JSON-LD, share cards and HTTP headers all say
    it changed when it went out, never before it was published."""
    from unittest import mock

    from django.utils.http import parse_http_date

    due = timezone.now() + timedelta(days=1)
    story = ArticleFactory(published_at=due, headline="Tomorrow's story")
    with mock.patch("django.utils.timezone.now", return_value=due + timedelta(minutes=5)):
        page = client.get(story.get_absolute_url())
        html = page.content.decode()
        feed = ElementTree.fromstring(client.get("/feed/").content)
        sitemap = client.get("/sitemap-articles.xml").content.decode()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html)[1])
    modified = [
        datetime.fromisoformat(data["dateModified"]),
        datetime.fromisoformat(re.search(r'article:modified_time" content="([^"]+)"', html)[1]),
        datetime.fromisoformat(feed.find("channel/item/{http://www.w3.org/2005/Atom}updated").text),
        datetime.fromisoformat(re.search(r"<lastmod>([^<]+)</lastmod>", sitemap)[1]),
    ]
    times, sitemap_day = modified[:3], modified[3].date()  # sitemaps give the day
    assert all(value >= due.replace(microsecond=0) for value in times), modified
    assert sitemap_day >= due.date()
    assert parse_http_date(page["Last-Modified"]) >= int(due.timestamp())
