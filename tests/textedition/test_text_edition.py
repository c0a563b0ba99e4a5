"""The text edition: plain pages for the worst connections, linked both ways to the full site."""

import gzip
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article, Correction
from pagecache.generation import generations
from tests.factories import ArticleFactory, AuthorFactory, PhotoFactory, SectionFactory

pytestmark = pytest.mark.django_db

LONG_BODY = "".join(
    f"<h2>Part {n}</h2><p>{'The harbour master counted the boats again. ' * 30}</p>"
    for n in range(8)
)


@pytest.fixture
def story():
    news = SectionFactory(slug="news", name="News")
    palestine = SectionFactory(slug="palestine", name="Palestine", parent=news)
    photo = PhotoFactory(caption="Boats at dawn in Gaza port.", credit="Jane Doe / Agency")
    inline = PhotoFactory(caption="The harbour master's office.", credit="Sam Roe")
    article = ArticleFactory(
        headline="Storm closes Gaza port",
        slug="storm-closes-gaza-port",
        section=palestine,
        lead_photo=photo,
        authors=[AuthorFactory(name="Mariam Haddad")],
        tags=["weather"],
        body=f'<p>The port closed at noon.</p><figure data-photo="{inline.pk}"></figure>'
        + LONG_BODY,
    )
    Correction.objects.create(article=article, text="An earlier version misnamed the port.")
    return article


def text_address(article: Article) -> str:
    return f"/text{article.get_absolute_url()}"


def test_article_text_page_has_text_captions_byline_and_corrections_and_no_images(client, story):
    """The text page holds the story, its photos as captions and its corrections, and no image,
    script or style of its own."""
    response = client.get(text_address(story))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Storm closes Gaza port</h1>" in html
    assert "By Mariam Haddad" in html
    assert "[Photo: Boats at dawn in Gaza port. (Jane Doe / Agency)]" in html
    assert "[Photo: The harbour master&#x27;s office. (Sam Roe)]" in html
    assert "An earlier version misnamed the port." in html
    for forbidden in ("<img", "<picture", "<script", "<style", "style=", "<svg", "<iframe"):
        assert forbidden not in html
    # One stylesheet, ours.
    assert re.findall(r'<link rel="stylesheet" href="([^"]+)"', html) == [
        re.search(r'href="(/static/css/text[^"]*\.css)"', html)[1]
    ]


def test_article_text_page_weighs_under_15_kb_gzipped_with_its_stylesheet(client, story):
    """Page and stylesheet together, gzipped, weigh under 15 KB; the stylesheet at most 2 KB."""
    html = client.get(text_address(story)).content
    css = Path(finders.find("css/text.css")).read_bytes()
    assert len(css) <= 2048
    assert len(gzip.compress(html)) + len(gzip.compress(css)) < 15 * 1024


def test_text_pages_link_to_their_full_version_and_full_pages_to_their_text_version(client, story):
    """Each text page links to its full page, and each full page names its text version in an
    alternate link and the footer."""
    full = story.get_absolute_url()
    text = client.get(text_address(story)).content.decode()
    assert f'<a href="{full}">Full version</a>' in text
    page = client.get(full).content.decode()
    assert (
        f'<link rel="alternate" type="text/html" title="Text edition" href="{text_address(story)}">'
        in page
    )
    assert f'<a href="{text_address(story)}">Text edition</a>' in page
    home = client.get("/").content.decode()
    assert 'href="/text/">Text edition</a>' in home
    section = client.get("/news/palestine/").content.decode()
    assert 'href="/text/news/palestine/">Text edition</a>' in section
    assert (
        '<a href="/news/palestine/">Full version</a>'
        in client.get("/text/news/palestine/").content.decode()
    )


def test_text_home_and_sections_list_live_stories_only(client, story):
    """Drafts and scheduled stories appear on no text page, and their text address is a 404."""
    draft = ArticleFactory(
        headline="Secret draft", section=story.section, status=Article.Status.DRAFT
    )
    home = client.get("/text/").content.decode()
    assert "Storm closes Gaza port" in home
    assert "Secret draft" not in home
    assert 'href="/text/news/palestine/"' in home
    assert "Secret draft" not in client.get("/text/news/").content.decode()
    assert client.get(text_address(draft)).status_code == 404
    assert client.get("/text/nowhere/").status_code == 404


def test_text_pages_page_by_keyset(client, settings):
    """Older stories are one link away, and a malformed cursor is a 404."""
    settings.ARTICLES_PER_PAGE = 2
    section = SectionFactory(slug="news")
    for _ in range(3):
        ArticleFactory(section=section)
    home = client.get("/text/").content.decode()
    older = re.search(r'href="(\?before=[^"]+)"', home)[1]
    generations().pages.clear()
    assert client.get(f"/text/{older}").content.decode().count("<small>") == 1
    assert client.get("/text/?before=junk").status_code == 404


def test_editions_have_their_own_text_edition(client):
    """/ar/text/ lists the Arabic edition's stories, right to left."""
    section = SectionFactory(slug="news")
    ArticleFactory(section=section, headline="عاصفة تغلق الميناء", language="ar", slug="storm-ar")
    ArticleFactory(section=section, headline="English only story")
    html = client.get("/ar/text/").content.decode()
    assert 'lang="ar" dir="rtl"' in html
    assert "عاصفة تغلق الميناء" in html
    assert "English only story" not in html
    assert 'href="/ar/text/news/' in html


def test_text_article_page_query_count_is_fixed(client, story):
    """The text article page reads story, bylines, tags, corrections, translations and the
    body's photos: the same count however many there are."""
    other = ArticleFactory(
        section=story.section,
        authors=[AuthorFactory(), AuthorFactory(), AuthorFactory()],
        tags=["a", "b", "c", "d"],
        body=story.body,
    )
    client.get("/text/")  # per-generation values (settings, sections) read once
    counts = []
    for article in (story, other):
        generations().pages.clear()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(text_address(article)).status_code == 200
        counts.append(len(queries))
    # story, authors, tags, corrections, translations, the body's photos
    assert counts == [6, 6]


@pytest.mark.parametrize("browser", ["lynx", "w3m"])
def test_text_browsers_read_the_story(client, story, tmp_path, browser):
    """lynx and w3m show the headline, byline, captions and body as text."""
    if shutil.which(browser) is None:
        pytest.skip(f"{browser} is not installed (apt-get install {browser})")
    page = tmp_path / "story.html"
    page.write_bytes(client.get(text_address(story)).content)
    options = ["-dump", "-nolist", "-assume_charset=utf-8"] if browser == "lynx" else ["-dump"]
    shown = subprocess.run(
        [browser, *options, str(page)], capture_output=True, text=True, check=True, timeout=30
    ).stdout
    assert "Storm closes Gaza port" in shown
    assert "By Mariam Haddad" in shown
    assert "[Photo: Boats at dawn in Gaza port. (Jane Doe / Agency)]" in shown
    assert "The harbour master counted the boats again." in shown
    assert "Full version" in shown
