"""The read API: only what readers see, filters, cursors, caching, CORS, limits and errors."""

import json
import re
from datetime import datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from api import schemas
from api.models import ApiKey
from articles.models import Article, Correction, WorkingCopy
from pagecache.generation import generations
from tests.factories import ArticleFactory, AuthorFactory, PhotoFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def generous_limit(settings):
    settings.API_RATE_LIMIT = 10_000
    settings.PAGE_CACHE_RECHECK_SECONDS = 3600


def get(client, url, **headers):
    response = client.get(url, headers=headers)
    assert response["Content-Type"].startswith("application/json"), url
    return response, json.loads(response.content)


@pytest.fixture
def newsroom(editor):
    news = SectionFactory(slug="news", name="News")
    palestine = SectionFactory(slug="palestine", name="Palestine", parent=news)
    business = SectionFactory(slug="business", name="Business")
    mariam = AuthorFactory(name="Mariam Haddad", slug="mariam")
    live = ArticleFactory(
        headline="Storm closes Gaza port",
        slug="storm",
        section=palestine,
        authors=[mariam],
        tags=["weather"],
        lead_photo=PhotoFactory(caption="Boats at dawn.", credit="Jane Doe"),
        body="<p>The port closed at noon.</p><h2>Why</h2><p>Winds reached 100 km/h.</p>",
    )
    Correction.objects.create(article=live, text="An earlier version misnamed the port.")
    WorkingCopy.objects.create(
        user=editor, article=live, data={"headline": "Working copy headline"}
    )
    secret = AuthorFactory(name="Unannounced Hire", slug="hire")
    draft = ArticleFactory(
        headline="Draft about the election",
        slug="draft",
        section=business,
        status=Article.Status.DRAFT,
        authors=[secret],
        tags=["secret-tag"],
    )
    Correction.objects.create(article=draft, text="Correction on a draft.")
    scheduled = ArticleFactory(
        headline="Scheduled budget story",
        slug="scheduled",
        section=business,
        published_at=timezone.now() + timedelta(hours=2),
    )
    expired = ArticleFactory(
        headline="Expired notice",
        slug="expired",
        section=business,
        expires_at=timezone.now() - timedelta(minutes=1),
    )
    market = ArticleFactory(headline="Markets rally", slug="markets", section=business)
    arabic = ArticleFactory(
        headline="عاصفة تغلق الميناء", slug="storm-ar", section=palestine, language="ar"
    )
    return {
        "live": live, "draft": draft, "scheduled": scheduled, "expired": expired,
        "market": market, "arabic": arabic,
    }  # fmt: skip


HIDDEN = ["Draft about the election", "Scheduled budget story", "Expired notice",
          "Working copy headline", "Unannounced Hire", "secret-tag", "Correction on a draft."]  # fmt: skip


def test_nothing_readers_cannot_see_reaches_any_endpoint(client, newsroom):
    """Drafts, scheduled and expired stories, working copies, their authors, tags and
    corrections appear in no answer, and their ids and addresses are 404s."""
    urls = [
        "/api/v1/articles", "/api/v1/articles?limit=100", "/api/v1/sections", "/api/v1/tags",
        "/api/v1/authors", "/api/v1/corrections", "/api/v1/search?q=election",
        "/api/v1/search?q=budget", f"/api/v1/articles/{newsroom['live'].pk}",
        "/api/v1/articles?section=business", "/api/v1/articles?tag=secret-tag",
        "/api/v1/articles?author=hire",
    ]  # fmt: skip
    for url in urls:
        response, _ = get(client, url)
        assert response.status_code == 200, url
        for text in HIDDEN:
            assert text not in response.content.decode(), (url, text)
    for name in ("draft", "scheduled", "expired"):
        article = newsroom[name]
        assert get(client, f"/api/v1/articles/{article.pk}")[0].status_code == 404
        path = f"/api/v1/articles/by-path?path={article.get_absolute_url()}"
        assert get(client, path)[0].status_code == 404


def test_answers_match_their_schema(client, newsroom):
    """The answers written without validation (lists, stories, search) fit the published schema."""
    live = newsroom["live"]
    for url, schema in [
        ("/api/v1/articles", schemas.ArticlePage),
        (f"/api/v1/articles/{live.pk}", schemas.ArticleDetail),
        (f"/api/v1/articles/by-path?path={live.get_absolute_url()}", schemas.ArticleDetail),
        ("/api/v1/search?q=storm", schemas.SearchPage),
    ]:
        schema.model_validate(get(client, url)[1])


def test_article_carries_body_photo_renditions_bylines_and_times(client, newsroom):
    """A story has sanitized body HTML and plain text, its photo as renditions with caption,
    credit, alt and size (never the original), bylines, tags, section trail, canonical address,
    and modified as Article.modified_at."""
    live = newsroom["live"]
    live.refresh_from_db()
    response, story = get(client, f"/api/v1/articles/{live.pk}")
    assert story["headline"] == "Storm closes Gaza port"
    assert "<h2>Why</h2>" in story["body_html"]
    assert story["body_text"] == "The port closed at noon.\nWhy\nWinds reached 100 km/h."
    assert story["url"] == f"http://testserver{live.get_absolute_url()}"
    assert story["section_path"] == ["News", "Palestine"]
    assert [a["name"] for a in story["authors"]] == ["Mariam Haddad"]
    assert [t["slug"] for t in story["tags"]] == ["weather"]
    assert story["corrections"][0]["text"] == "An earlier version misnamed the port."
    # To the millisecond, as JSON times are written.
    modified = live.modified_at.replace(microsecond=live.modified_at.microsecond // 1000 * 1000)
    assert datetime.fromisoformat(story["modified_at"]) == modified
    photo = story["lead_photo"]
    assert (photo["caption"], photo["credit"]) == ("Boats at dawn.", "Jane Doe")
    assert photo["alt"] == live.lead_photo.alt_text
    assert (photo["width"], photo["height"]) == (live.lead_photo.width, live.lead_photo.height)
    formats = {(r["role"], r["format"]) for r in photo["renditions"]}
    assert ("lead", "jpeg") in formats and ("og", "jpeg") in formats
    assert all(
        r["url"].startswith("http://testserver/media/renditions/") for r in photo["renditions"]
    )
    assert live.lead_photo.image.name not in response.content.decode()
    by_path = get(client, f"/api/v1/articles/by-path?path={live.get_absolute_url()}")[1]
    assert by_path["id"] == live.pk
    by_text_path = get(client, f"/api/v1/articles/by-path?path=/text{live.get_absolute_url()}")[1]
    assert by_text_path["id"] == live.pk


def test_filters_by_section_with_subsections_tag_author_language_and_update(client, newsroom):
    """Each filter narrows the list to the live stories it names."""

    def headlines(query):
        return {item["headline"] for item in get(client, f"/api/v1/articles?{query}")[1]["items"]}

    assert headlines("section=news") == {"Storm closes Gaza port", "عاصفة تغلق الميناء"}
    assert headlines("section=news&language=en") == {"Storm closes Gaza port"}
    assert headlines("language=ar") == {"عاصفة تغلق الميناء"}
    assert headlines("tag=weather") == {"Storm closes Gaza port"}
    assert headlines("author=mariam") == {"Storm closes Gaza port"}
    Article.objects.update(updated_at=timezone.now() - timedelta(hours=3))
    Article.objects.filter(pk=newsroom["market"].pk).update(updated_at=timezone.now())
    since = (timezone.now() - timedelta(minutes=1)).isoformat().replace("+00:00", "Z")
    generations().pages.clear()
    assert headlines(f"updated_since={since}") == {"Markets rally"}
    assert get(client, "/api/v1/articles?section=nowhere")[0].status_code == 404


def test_cursor_walks_every_story_once(client, settings):
    """Following `next` pages through every story, newest first, with none twice."""
    section = SectionFactory(slug="news")
    made = [ArticleFactory(section=section) for _ in range(7)]
    seen, cursor = [], ""
    while True:
        page = get(client, f"/api/v1/articles?limit=3{cursor}")[1]
        seen += [item["id"] for item in page["items"]]
        if page["next"] is None:
            break
        cursor = f"&cursor={page['next']}"
    assert seen == sorted((a.pk for a in made), reverse=True)


def test_answers_have_etag_cache_control_and_304_and_change_at_once(client, newsroom):
    """Answers come from the page cache with ETag and Cache-Control, 304 when unchanged, and
    a story published afterwards shows in the very next answer."""
    first = client.get("/api/v1/articles")
    assert "public" in first["Cache-Control"] and first["ETag"]
    again = client.get("/api/v1/articles", headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304
    ArticleFactory(headline="Breaking: port reopens", section=newsroom["market"].section)
    fresh = client.get("/api/v1/articles", headers={"If-None-Match": first["ETag"]})
    assert fresh.status_code == 200
    assert "Breaking: port reopens" in fresh.content.decode()


def test_cors_allows_get_from_any_origin_or_the_configured_list(client, settings, newsroom):
    """Any origin by default; with API_CORS_ORIGINS only those listed, also on preflight."""
    assert (
        client.get("/api/v1/tags", headers={"Origin": "https://app.example"})[
            "Access-Control-Allow-Origin"
        ]
        == "*"
    )
    settings.API_CORS_ORIGINS = ["https://partner.example"]
    allowed = client.get("/api/v1/sections", headers={"Origin": "https://partner.example"})
    assert allowed["Access-Control-Allow-Origin"] == "https://partner.example"
    other = client.get("/api/v1/sections", headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in other
    preflight = client.options(
        "/api/v1/articles",
        headers={"Origin": "https://partner.example", "Access-Control-Request-Method": "GET"},
    )
    assert preflight.status_code == 204
    assert "GET" in preflight["Access-Control-Allow-Methods"]


def test_rate_limit_per_client_and_a_key_raises_it(client, settings, newsroom):
    """Past its limit a client gets 429 with Retry-After, even for cached answers; a key has a
    higher limit of its own; an unknown or switched-off key gets 401, at once."""
    settings.API_RATE_LIMIT = 3
    for _ in range(3):
        assert client.get("/api/v1/sections").status_code == 200
    refused = client.get("/api/v1/sections")
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert "Too many requests" in json.loads(refused.content)["detail"]
    api_key = ApiKey(name="Mobile app")
    key = api_key.issue()
    api_key.requests_per_minute = 5
    api_key.save()
    assert ApiKey.objects.get().key_hash != key and key not in str(ApiKey.objects.values())
    codes = [
        client.get("/api/v1/sections", headers={"X-Api-Key": key}).status_code for _ in range(6)
    ]
    assert codes == [200] * 5 + [429]
    assert client.get("/api/v1/sections", headers={"X-Api-Key": "made-up"}).status_code == 401
    off = ApiKey(name="Old partner", active=False)
    off_key = off.issue()
    off.save()
    assert client.get("/api/v1/sections", headers={"X-Api-Key": off_key}).status_code == 401
    api_key.active = False
    api_key.save()
    assert client.get("/api/v1/sections", headers={"X-Api-Key": key}).status_code == 401


BAD = [
    "/api/v1/articles?limit=0", "/api/v1/articles?limit=100000", "/api/v1/articles?limit=x",
    "/api/v1/articles?cursor=junk", "/api/v1/articles?cursor=99999999999999999_1",
    "/api/v1/articles?language=xx", "/api/v1/articles?updated_since=yesterday",
    "/api/v1/articles?tag=%00", "/api/v1/articles?section=a%00b", "/api/v1/articles?author=%20",
    "/api/v1/search", "/api/v1/search?q=%00", f"/api/v1/search?q={'x' * 5000}",
    "/api/v1/search?q=port&page=0", "/api/v1/search?q=port&page=99",
    "/api/v1/tags?cursor=-1", "/api/v1/authors?limit=-5", "/api/v1/corrections?cursor=%FF",
    "/api/v1/articles/by-path", "/api/v1/articles/by-path?path=%00",
    "/api/v1/sections?language=klingon",
]  # fmt: skip


@pytest.mark.parametrize("url", BAD)
def test_bad_parameters_get_a_400_in_json(client, newsroom, url):
    """Every malformed parameter is a 400 with a JSON error, never a 500."""
    response, answer = get(client, url)
    assert response.status_code == 400, url
    assert answer["detail"]


def test_odd_but_valid_parameters_are_answered(client, newsroom):
    """Unknown slugs, scripts other than Latin and addresses of nothing are 200s or 404s."""
    for url in ["/api/v1/articles?tag=غزة", "/api/v1/articles?author=café",
                "/api/v1/search?q=☃", "/api/v1/articles/by-path?path=/no/such/page/",
                "/api/v1/articles/999999", "/api/v1/articles?junk=1"]:  # fmt: skip
        assert get(client, url)[0].status_code in {200, 404}, url


def count(client, url: str) -> int:
    generations().pages.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("per_section", [2, 20])
def test_query_counts_are_fixed(client, per_section):
    """A list of 2 or 20 stories with photos, authors and tags, and one story, cost the same."""
    section = SectionFactory(slug="news")
    authors = [AuthorFactory() for _ in range(3)]
    photo = PhotoFactory()
    for n in range(per_section):
        last = ArticleFactory(
            section=section, lead_photo=photo, authors=authors[: 1 + n % 3], tags=[f"t{n}", "all"]
        )
    client.get("/api/v1/articles?limit=1")  # per-generation values read once
    assert {
        # stories, their authors, their tags
        "list": count(client, "/api/v1/articles"),
        "filtered": count(client, "/api/v1/articles?tag=all&section=news&language=en"),
        # story, authors, tags, corrections, translations
        "detail": count(client, f"/api/v1/articles/{last.pk}"),
        "corrections": count(client, "/api/v1/corrections"),
        "tags": count(client, "/api/v1/tags"),
        "authors": count(client, "/api/v1/authors"),
    } == {"list": 3, "filtered": 3, "detail": 5, "corrections": 1, "tags": 1, "authors": 1}


def test_openapi_schema_and_docs_page_load_nothing_from_another_host(client, newsroom):
    """The schema lists every endpoint; the docs page is drawn from it, with no script and no
    asset from another host."""
    schema = json.loads(client.get("/api/v1/openapi.json").content)
    assert {"/api/v1/articles", "/api/v1/articles/{article_id}", "/api/v1/articles/by-path",
            "/api/v1/sections", "/api/v1/tags", "/api/v1/authors", "/api/v1/search",
            "/api/v1/corrections"} <= set(schema["paths"])  # fmt: skip
    page = client.get("/api/v1/docs/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "<code>GET /api/v1/articles</code>" in html
    assert "updated_since" in html
    assert "<script" not in html
    assets = re.findall(r'(?:src|href)="([^"#]+)"', html)
    assert assets and all(asset.startswith("/") for asset in assets)


def test_api_keys_are_for_site_admins_only(client, reporter, site_admin):
    """A Reporter cannot open the keys; a Site admin makes one and sees it once."""
    client.force_login(reporter)
    assert client.get("/admin/api/apikey/").status_code == 403
    assert client.post("/admin/api/apikey/add/", {"name": "x"}).status_code == 403
    assert not ApiKey.objects.exists()
    client.force_login(site_admin)
    response = client.post(
        "/admin/api/apikey/add/",
        {"name": "TV app", "requests_per_minute": 600, "active": "on"},
        follow=True,
    )
    shown = re.search(r"The key for TV app is ([-\w]+)\.", response.content.decode())[1]
    api_key = ApiKey.objects.get()
    assert api_key.key_hash != shown and shown.startswith(api_key.prefix)
    client.logout()
    assert client.get("/api/v1/tags", headers={"X-Api-Key": shown}).status_code == 200
