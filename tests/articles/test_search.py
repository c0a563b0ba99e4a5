"""Reader search: ranked, filtered, highlighted, paginated, and calm in the face of junk (issue #5)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article
from tests.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def stories():
    news = SectionFactory(slug="news", name="News")
    business = SectionFactory(slug="business", name="Business")
    now = timezone.now()
    return {
        "body": ArticleFactory(
            headline="Port workers end strike",
            summary="Dockers return on Monday.",
            body="<p>The deal followed talks about <strong>fishermen</strong> and dockers.</p>",
            section=business,
            published_at=now - timedelta(hours=1),
        ),
        "headline": ArticleFactory(
            headline="Fishermen return to sea",
            summary="Boats left the harbour before dawn.",
            body="<p>Dozens of boats went out.</p>",
            section=news,
            published_at=now - timedelta(days=3),
        ),
        "draft": ArticleFactory(
            headline="Fishermen draft story", section=news, status=Article.Status.DRAFT
        ),
        "scheduled": ArticleFactory(
            headline="Fishermen embargoed story",
            section=news,
            published_at=now + timedelta(hours=5),
        ),
    }


def result_headlines(response) -> list[str]:
    return [article.headline for article in response.context["page"].object_list]


def test_headline_match_outranks_body_match(client, stories):
    """A story about fishermen beats a newer story that only mentions them."""
    response = client.get("/search/", {"q": "fishermen"})
    assert response.status_code == 200
    assert result_headlines(response) == ["Fishermen return to sea", "Port workers end strike"]


def test_only_published_articles_are_found(client, stories):
    html = client.get("/search/", {"q": "fishermen"}).content.decode()
    assert "draft story" not in html and "embargoed" not in html


def test_snippets_highlight_the_match(client, stories):
    html = client.get("/search/", {"q": "fishermen"}).content.decode()
    assert "talks about <mark>fishermen</mark> and dockers." in html
    assert "<strong>" not in html.split('class="search-results"')[1]


def test_snippet_marks_whole_words_not_parts_of_others():
    from articles.search import snippet

    html = snippet("The reporters left the port. Ports reopened.", "port")
    assert html == "The reporters left the <mark>port</mark>. <mark>Port</mark>s reopened."
    assert snippet("<b>x</b> & y", "") == "x &amp; y"


def test_filters_by_section_and_date(client, stories):
    by_section = client.get("/search/", {"q": "fishermen", "section": "business"})
    assert result_headlines(by_section) == ["Port workers end strike"]
    since = (timezone.localdate() - timedelta(days=1)).isoformat()
    by_date = client.get("/search/", {"q": "fishermen", "start": since})
    assert result_headlines(by_date) == ["Port workers end strike"]
    until = (timezone.localdate() - timedelta(days=2)).isoformat()
    assert result_headlines(client.get("/search/", {"q": "fishermen", "end": until})) == [
        "Fishermen return to sea"
    ]


def test_invalid_filters_are_ignored_not_errors(client, stories):
    response = client.get("/search/", {"q": "fishermen", "start": "not-a-date", "section": "x/y"})
    assert response.status_code == 200
    assert len(result_headlines(response)) == 2


def test_results_are_paginated_keeping_the_query(client, settings):
    settings.ARTICLES_PER_PAGE = 2
    section = SectionFactory()
    for n in range(5):
        ArticleFactory(headline=f"Harbour report {n}", section=section)
    first = client.get("/search/", {"q": "harbour"})
    assert len(result_headlines(first)) == 2
    assert 'href="?q=harbour&amp;page=2"' in first.content.decode()
    assert len(result_headlines(client.get("/search/", {"q": "harbour", "page": 3}))) == 1
    assert client.get("/search/", {"q": "harbour", "page": 9}).status_code == 404


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "x" * 10_000,
        "fish " * 2_000,
        "\x01\x1b fishermen",
        "' OR 1=1 --",
        '"unbalanced',
        "!!! ::: &&& |||",
        "рыбаки 漁師 صيادون 🐟",
        "\u202etxet\u202c",
        "a",
    ],
)
def test_odd_queries_answer_cleanly(client, stories, query):
    """Empty, huge, hostile or odd unicode queries give a normal page, never an error."""
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert b"Search" in response.content


def test_nul_in_a_query_is_a_bad_request(client, stories):
    assert client.get("/search/", {"q": "\x00 fishermen"}).status_code == 400


def test_empty_query_shows_only_the_form(client, stories):
    response = client.get("/search/")
    assert response.status_code == 200
    assert list(response.context["page"].object_list) == []
    assert b"No stories found" not in response.content


def test_header_search_form_works_without_javascript(client, stories):
    html = client.get("/").content.decode()
    assert '<form class="masthead__search" role="search" action="/search/" method="get">' in html
