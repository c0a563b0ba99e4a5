"""Page weight budgets (issue #7): what a reader's phone downloads stays small."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from tests.factories import ArticleFactory, AuthorFactory, PhotoFactory, SectionFactory

pytestmark = pytest.mark.django_db
STATIC = Path(settings.BASE_DIR) / "static"


@pytest.fixture
def long_article():
    """A long story of the reference kind: a dozen paragraphs with quotes, tags, photo, byline."""
    news = SectionFactory(slug="news", name="News")
    paragraph = (
        "<p>An Israeli court has dismissed a rights group\u2019s legal bid to revoke the export "
        "licence of a spyware firm, finding the evidence \u201cinsufficient\u201d to back up "
        "its accusations of surveillance of activists and journalists.</p>"
    )
    return ArticleFactory(
        section=SectionFactory(slug="palestine", name="Palestine", parent=news),
        body=paragraph * 14 + "<blockquote><p>\u201cA cruel blow.\u201d</p></blockquote>",
        lead_photo=PhotoFactory(),
        authors=[AuthorFactory()],
        tags=["spyware", "courts", "surveillance", "press freedom"],
    )


def test_article_page_html_is_under_40_kb(client, long_article):
    for n in range(4):
        ArticleFactory(section=long_article.section, tags=["spyware"], headline=f"Related {n}")
    html = client.get(long_article.get_absolute_url()).content
    assert len(html) < 40 * 1024, len(html)


def test_stylesheet_is_under_25_kb():
    css = sorted(STATIC.rglob("css/*.css"))
    assert css and sum(path.stat().st_size for path in css) < 25 * 1024


def test_reader_pages_need_no_javascript_and_no_web_fonts(client, long_article):
    for url in ["/", "/news/", long_article.get_absolute_url(), "/search/?q=court"]:
        html = client.get(url).content.decode()
        assert not re.search(r"<script(?![^>]*application/ld\+json)", html), url
        assert "@font-face" not in html and ".woff" not in html
    assert not list(STATIC.rglob("*.woff*"))
