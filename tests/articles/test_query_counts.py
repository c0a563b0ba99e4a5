"""Each public page runs a fixed number of SQL queries, however much content there is."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ArticleFactory, AuthorFactory, PhotoFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_timed_recheck(settings):
    """Counted without the once-a-second check of the generation against the database."""
    settings.PAGE_CACHE_RECHECK_SECONDS = 3600


# Pages learn the content generation from its copy (pagecache.generation), not the database.
LAYOUT_QUERIES = 0
# Read by the first request after each change, then kept until the next (pagecache.memo):
# the generation itself, site settings, footer links, the sections and which hold stories,
# and which stories are live coverage (live.reading.coverages, for the cards' "Live" badge).
PER_GENERATION_QUERIES = 6
EXPECTED = {
    # lead, Editor's Choice and the latest of each section, together
    "home": LAYOUT_QUERIES + 1,
    # the page's rows (section, breadcrumb and subsections come from the tree)
    "section": LAYOUT_QUERIES + 1,
    # article with section and photo, authors, tags, corrections, translations, related stories
    "article": LAYOUT_QUERIES + 6,
    # tag, the page's rows
    "tag": LAYOUT_QUERIES + 2,
    # author, the page's rows
    "author": LAYOUT_QUERIES + 2,
}


def build_site(articles_per_section: int):
    news = SectionFactory(slug="news", name="News")
    sections = [
        SectionFactory(slug="palestine", name="Palestine", parent=news),
        SectionFactory(slug="business", name="Business"),
        SectionFactory(slug="culture", name="Culture"),
    ]
    authors = [AuthorFactory() for _ in range(3)]
    photo = PhotoFactory()
    last = None
    for section in sections:
        for n in range(articles_per_section):
            last = ArticleFactory(
                section=section,
                lead_photo=photo,
                authors=authors[: 1 + n % 3],
                tags=[f"tag-{n % 5}", f"tag-{n % 7}", "shared"],
                editors_choice=n % 2 == 0,
            )
    return last, authors[0]


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.mark.parametrize("articles_per_section", [2, 20])
def test_page_query_counts_do_not_grow_with_content(client, articles_per_section):
    """Two or twenty articles per section, with tags and several authors: the same count."""
    article, author = build_site(articles_per_section)
    urls = {
        "home": "/",
        "section": "/news/",
        "article": article.get_absolute_url(),
        "tag": "/tags/shared/",
        "author": author.get_absolute_url(),
    }
    assert count_queries(client, "/corrections/") == LAYOUT_QUERIES + 1 + PER_GENERATION_QUERIES
    counts = {page: count_queries(client, url) for page, url in urls.items()}
    assert counts == EXPECTED


def test_settings_and_sections_are_read_once_per_content_change(client):
    """After an edit, the first page reads the site's settings and sections again; later ones don't."""
    article, _ = build_site(2)
    first = count_queries(client, "/")
    assert count_queries(client, "/news/") == EXPECTED["section"]
    article.headline = "Storm closes port"
    article.save()
    assert count_queries(client, "/news/") == EXPECTED["section"] + PER_GENERATION_QUERIES
    assert first == EXPECTED["home"] + PER_GENERATION_QUERIES


def test_a_cached_page_costs_no_query(client):
    """Once cached, a page is served without a single query."""
    article, _ = build_site(2)
    for url in ["/", "/news/", article.get_absolute_url()]:
        assert client.get(url)["X-Page-Cache"] == "miss"
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response["X-Page-Cache"] == "hit"
        assert len(queries) == 0, [q["sql"] for q in queries]
