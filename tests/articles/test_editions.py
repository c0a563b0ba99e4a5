"""Editions: each language a whole site, translations linked for readers and search engines."""

import json
import re
import uuid
from datetime import timedelta
from xml.etree import ElementTree

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from newsroom import catalogues
from tests import tools
from tests.factories import ArticleFactory, AuthorFactory, PhotoFactory, SectionFactory

pytestmark = pytest.mark.django_db

ARABIC_BODY = (
    "<p>أقرّ البرلمان قانوناً يحمي مصادر الصحفيين بعد جلسة استمرت طوال الليل.</p>"
    "<p>ويمنع القانون المحاكم من أمر الصحفيين بكشف مصادرهم.</p>"
)


@pytest.fixture
def story():
    """One story in English, Arabic and French, and one told in English only."""
    news = SectionFactory(slug="news", name="News", name_ar="أخبار", name_fr="Actualité")
    politics = SectionFactory(slug="politics", name="Politics", parent=news, name_ar="سياسة",
                              name_fr="Politique")  # fmt: skip
    author = AuthorFactory(name="Daniel Okafor", slug="daniel-okafor")
    photo = PhotoFactory()
    english = ArticleFactory(
        headline="Parliament passes press freedom bill",
        slug="parliament-passes-press-freedom-bill",
        section=politics, authors=[author], lead_photo=photo, tags=["press freedom"],
        published_at=timezone.now() - timedelta(hours=3),
    )  # fmt: skip
    arabic = ArticleFactory(
        headline="البرلمان يقرّ قانون حرية الصحافة",
        slug="البرلمان-يقر-قانون-حرية-الصحافة",
        summary="يحمي القانون الصحفيين من إجبارهم على كشف مصادرهم.",
        body=ARABIC_BODY, language="ar", translation_group=english.translation_group,
        section=politics, authors=[author], lead_photo=photo, tags=["حرية الصحافة"],
        lead_photo_alt="قاعة برلمان وأعضاء يرفعون أيديهم",
        published_at=timezone.now() - timedelta(hours=2),
    )  # fmt: skip
    french = ArticleFactory(
        headline="Le Parlement adopte la loi sur la liberté de la presse",
        slug="le-parlement-adopte-la-loi",
        language="fr", translation_group=english.translation_group,
        section=politics, authors=[author], lead_photo=photo, tags=["liberté de la presse"],
        published_at=timezone.now() - timedelta(hours=2),
    )  # fmt: skip
    only_english = ArticleFactory(headline="Port workers secure pay deal", slug="port-deal",
                                  section=news)  # fmt: skip
    return {"en": english, "ar": arabic, "fr": french, "only_en": only_english}


def test_the_default_edition_keeps_its_addresses_and_the_others_have_a_prefix(client, story):
    """English at today's addresses; Arabic and French under /ar/ and /fr/."""
    english, arabic, french = story["en"], story["ar"], story["fr"]
    assert english.get_absolute_url().startswith("/news/politics/")
    assert arabic.get_absolute_url().startswith("/ar/news/politics/")
    assert french.get_absolute_url().startswith("/fr/news/politics/")
    for article in (english, arabic, french):
        assert client.get(article.get_absolute_url()).status_code == 200
    assert client.get("/de/").status_code == 404  # not an edition


def test_listings_show_only_the_edition_s_stories(client, story):
    """Home, section, tag and author pages of an edition list stories in its language only."""
    arabic_home = client.get("/ar/").content.decode()
    assert story["ar"].headline in arabic_home
    assert story["en"].headline not in arabic_home and story["only_en"].headline not in arabic_home
    english_home = client.get("/").content.decode()
    assert story["en"].headline in english_home and story["ar"].headline not in english_home
    section = client.get("/fr/news/politics/").content.decode()
    assert story["fr"].headline in section and story["en"].headline not in section
    author = client.get("/ar/authors/daniel-okafor/").content.decode()
    assert story["ar"].headline in author and story["fr"].headline not in author


def test_arabic_pages_are_right_to_left_in_arabic_words(client, story):
    """lang and dir on the page, section names and the page's own words in Arabic."""
    html = client.get(story["ar"].get_absolute_url()).content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "سياسة" in html and "أخبار" in html  # the breadcrumb's section names
    assert ">نُشر <time" in html or "نُشر" in html.split('class="dateline"')[1][:80]
    for english in (">Published<", ">Search<", ">Home<", "Skip to content", ">Sections<"):
        assert english not in html, english
    french = client.get("/fr/").content.decode()
    assert '<html lang="fr" dir="ltr">' in french and "Aller au contenu" in french


def test_a_story_links_its_translations(client, story):
    """Language switcher, hreflang with x-default, og:locale alternates, JSON-LD inLanguage."""
    html = client.get(story["ar"].get_absolute_url()).content.decode()
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', html))
    assert alternates == {
        "ar": f"http://testserver{story['ar'].get_absolute_url()}",
        "en": f"http://testserver{story['en'].get_absolute_url()}",
        "fr": f"http://testserver{story['fr'].get_absolute_url()}",
        "x-default": f"http://testserver{story['en'].get_absolute_url()}",
    }
    assert '<meta property="og:locale" content="ar_AR">' in html
    assert '<meta property="og:locale:alternate" content="fr_FR">' in html
    switcher = html.split('class="language-switcher"')[1].split("</nav>")[0]
    assert story["en"].get_absolute_url() in switcher and "Français" in switcher
    data = json.loads(html.split('type="application/ld+json">')[1].split("</script>")[0])
    article = data if data.get("@type") == "NewsArticle" else data["@graph"][0]
    assert article["inLanguage"] == "ar"


def test_a_story_in_another_language_is_shown_labelled_not_a_dead_end(client, story):
    """A link to an English-only story from the Arabic edition shows it, labelled."""
    url = "/ar" + story["only_en"].get_absolute_url()
    response = client.get(url)
    if response.status_code in (301, 302):
        response = client.get(response["Location"])
    html = response.content.decode()
    assert response.status_code == 200 and story["only_en"].headline in html
    assert "هذه القصة منشورة بـEnglish فقط." in html
    assert '<article class="article" lang="en" dir="ltr">' in html


def test_a_story_asked_for_in_an_edition_that_has_it_goes_to_that_translation(client, story):
    """The English story's address under /fr/ leads to its French translation."""
    response = client.get("/fr" + story["en"].get_absolute_url())
    assert response.status_code in (301, 302)
    assert response["Location"] == story["fr"].get_absolute_url()


def test_the_sitemap_lists_translations_as_alternates(client, story):
    """xhtml:link alternates, with x-default, matching the page's hreflang links."""
    root = ElementTree.fromstring(client.get("/sitemap-articles.xml").content)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    entries = {url.findtext("s:loc", namespaces=ns): url for url in root.findall("s:url", ns)}
    english = entries[f"http://testserver{story['en'].get_absolute_url()}"]
    links = {link.get("hreflang"): link.get("href") for link in english.findall("x:link", ns)}
    assert links["ar"] == f"http://testserver{story['ar'].get_absolute_url()}"
    assert links["x-default"] == f"http://testserver{story['en'].get_absolute_url()}"
    assert set(links) == {"en", "ar", "fr", "x-default"}
    alone = entries[f"http://testserver{story['only_en'].get_absolute_url()}"]
    assert alone.findall("x:link", ns) == []
    arabic_map = client.get("/ar/sitemap-articles.xml").content.decode()
    assert story["ar"].slug in arabic_map or "%D8" in arabic_map


def test_the_news_sitemap_gives_each_story_its_own_language(client, story):
    xml = client.get("/ar/news-sitemap.xml").content.decode()
    assert "<news:language>ar</news:language>" in xml
    assert "<news:language>en</news:language>" not in xml


def test_feeds_are_per_edition_with_translated_titles(client, story):
    feed = client.get("/ar/feed/").content.decode()
    assert story["ar"].headline in feed and story["en"].headline not in feed
    assert "آخر القصص من" in feed


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_an_arabic_article_with_two_translations_costs_what_a_lone_article_costs(
    client, settings, story
):
    """The translations come in one query, however many there are: the story, its authors,
    tags, corrections, translations, stories sharing its tags and its section's latest."""
    settings.PAGE_CACHE_SECONDS = 0
    settings.PAGE_CACHE_RECHECK_SECONDS = 3600
    url = story["ar"].get_absolute_url()
    client.get(url)  # the generation's own reads
    with_translations = count_queries(client, url)
    for other in (story["en"], story["fr"]):
        Article.objects.filter(pk=other.pk).update(translation_group=uuid.uuid4())
    client.get(url)
    assert "language-switcher" not in client.get(url).content.decode()
    assert with_translations == count_queries(client, url) == 7


def test_arabic_and_french_pages_are_valid_html(client, story):
    urls = ["/ar/", "/ar/news/", story["ar"].get_absolute_url(), "/ar/search/?q=البرلمان",
            "/ar/corrections/", "/fr/", story["fr"].get_absolute_url(), "/fr/no-such-page/"]  # fmt: skip
    pages = {url: client.get(url).content.decode() for url in urls}
    assert tools.html_errors(pages) == []


@pytest.mark.skipif(connection.vendor != "postgresql", reason="Arabic stemming is PostgreSQL's")
def test_arabic_search_finds_words_with_and_without_the_definite_article(client, story):
    """On PostgreSQL the Arabic edition searches with the Arabic configuration."""
    for query in ("البرلمان", "برلمان", "الصحفيين", "صحفيين"):
        html = client.get("/ar/search/", {"q": query}).content.decode()
        assert story["ar"].headline in html, query


def test_arabic_search_works_on_sqlite_too(client, story):
    html = client.get("/ar/search/", {"q": "البرلمان"}).content.decode()
    assert story["ar"].headline in html
    assert story["en"].headline not in html


def test_every_word_readers_and_the_desk_see_is_translated():
    """The catalogues hold every word in the code, each translated (`make messages`)."""
    for path in catalogues.catalogues():
        from babel.messages.pofile import read_po

        with path.open("rb") as po:
            catalogue = read_po(po)
        untranslated = [m.id for m in catalogue if m.id and (m.fuzzy or not all(
            m.string if isinstance(m.string, tuple) else [m.string]))]  # fmt: skip
        assert untranslated == [], path
    assert {path.parent.parent.name for path in catalogues.catalogues()} == {"ar", "fr"}
    assert catalogues.missing() == set()
