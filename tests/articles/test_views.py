import re
from datetime import UTC, datetime, timedelta
from unittest import mock

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from markupsafe import escape
from pytest_django.asserts import assertInHTML

from articles.models import Article
from tests.factories import ArticleFactory, AuthorFactory, PhotoFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def palestine():
    news = SectionFactory(slug="news", name="News")
    return SectionFactory(slug="palestine", name="Palestine", parent=news)


@pytest.fixture
def story(palestine):
    return ArticleFactory(
        headline="Court rejects bid to revoke spyware firm's licence",
        slug="court-rejects-bid",
        summary="Judges found the evidence insufficient.",
        section=palestine,
        lead_photo=PhotoFactory(
            caption="An office building.", credit="Agency", alt_text="A glass office building."
        ),
        authors=[AuthorFactory(name="Leila Haddad", slug="leila-haddad")],
        tags=["spyware", "courts"],
        editors_choice=True,
    )


def test_published_article_shows_headline_figure_caption_and_breadcrumb(client, story):
    """Readers see the whole story: breadcrumb, headline, summary, byline, photo and caption."""
    response = client.get(story.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    assertInHTML(
        '<h1 class="article__headline">Court rejects bid to revoke spyware firm&#x27;s licence</h1>',
        html,
    )
    assertInHTML(
        '<nav class="breadcrumb wrap" aria-label="Breadcrumb"><ol><li><a href="/">Home</a></li>'
        '<li><a href="/news/">News</a></li><li><a href="/news/palestine/">Palestine</a></li>'
        "</ol></nav>",
        html,
    )
    folder = story.lead_photo.all_renditions[0].name.rsplit("/", 1)[0]
    sizes = "(min-width: 44rem) 42rem, 100vw"
    assertInHTML(
        f"""<figure class="figure figure--lead"><picture>
        <source type="image/avif" srcset="/media/{folder}/120x80.avif 120w" sizes="{sizes}">
        <source type="image/webp" srcset="/media/{folder}/120x80.webp 120w" sizes="{sizes}">
        <img src="/media/{folder}/120x80.jpg" srcset="/media/{folder}/120x80.jpg 120w"
         sizes="{sizes}" alt="A glass office building." width="120" height="80"
         fetchpriority="high" decoding="async"></picture>
        <figcaption>An office building. <span class="figure__credit">Agency</span></figcaption>
        </figure>""",
        html,
    )
    assert story.lead_photo.image.url not in html
    assertInHTML(
        '<p class="byline">By <a href="/authors/leila-haddad/" rel="author">Leila Haddad</a></p>',
        html,
    )
    assertInHTML('<p class="badge">Editor\'s Choice</p>', html)
    assertInHTML('<p class="article__summary">Judges found the evidence insufficient.</p>', html)
    assert f'<link rel="canonical" href="http://testserver{story.get_absolute_url()}">' in html
    assertInHTML('<a href="/tags/spyware/" rel="tag">spyware</a>', html)
    # To the second: valid HTML allows at most three digits of a second.
    published = timezone.localtime(story.published_at).isoformat(timespec="seconds")
    assert f'<time datetime="{published}">' in html


def test_article_caption_overrides_the_photos_own(client, story):
    """An article can caption a shared photo its own way."""
    story.lead_photo_caption = "The file photo shows the firm's offices."
    story.save()
    response = client.get(story.get_absolute_url())
    assert "The file photo shows the firm&#39;s offices." in response.content.decode()
    assert "An office building." not in response.content.decode()


def test_article_body_is_printed_sanitized(client, palestine):
    """Hostile body markup is removed before any reader sees it."""
    article = ArticleFactory(
        section=palestine, body='<p onclick="x()">Safe</p><script>evil()</script>'
    )
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<p>Safe</p>" in html
    assert "evil()" not in html
    assert "onclick" not in html


def test_headline_is_escaped(client, palestine):
    """Every field other than the sanitized body is escaped."""
    article = ArticleFactory(section=palestine, headline="<script>alert(1)</script> Talks")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Talks" in html


def test_draft_is_404_for_readers(client, palestine):
    """A draft cannot be read by guessing its address."""
    draft = ArticleFactory(section=palestine, status=Article.Status.DRAFT)
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_scheduled_article_is_404_until_its_time(client, palestine):
    """A future publish time hides the article from readers until it comes."""
    scheduled = ArticleFactory(section=palestine, published_at=timezone.now() + timedelta(hours=2))
    assert client.get(scheduled.get_absolute_url()).status_code == 404


def test_scheduled_article_appears_once_its_time_has_come(client, palestine):
    """No cron job: as soon as the publish time passes, the article is live."""
    article = ArticleFactory(section=palestine, published_at=timezone.now() + timedelta(hours=2))
    Article.objects.filter(pk=article.pk).update(published_at=timezone.now() - timedelta(seconds=1))
    article.refresh_from_db()
    assert client.get(article.get_absolute_url()).status_code == 200
    assert article.headline in client.get("/news/palestine/").content.decode()


def test_old_address_redirects_after_a_section_move(client, story, palestine):
    """Links shared before an article moved section still reach it."""
    old_url = story.get_absolute_url()
    story.section = SectionFactory(slug="world", name="World")
    story.save()
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == story.get_absolute_url()


def test_old_address_redirects_after_a_slug_change(client, story):
    """Fixing a typo in the slug keeps every link made before, whatever its section or date."""
    old_url = story.get_absolute_url()
    story.slug = "a-better-slug"
    story.save()
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == story.get_absolute_url()
    assert response["Location"].endswith("/a-better-slug/")
    assert client.get(response["Location"]).status_code == 200


def test_old_slug_of_a_story_no_longer_published_is_404(client, story):
    """A former address does not lead to a story readers may not see."""
    old_url = story.get_absolute_url()
    story.slug, story.status = "a-better-slug", Article.Status.UNPUBLISHED
    story.save()
    assert client.get(old_url).status_code == 404


def test_slug_a_story_had_only_as_a_draft_is_not_an_address(client, palestine):
    """A working slug never reached readers, so guessing it confirms nothing."""
    story = ArticleFactory(
        section=palestine, slug="embargoed-minister-resigns", status=Article.Status.DRAFT
    )
    draft_url = story.get_absolute_url()
    story.slug, story.status = "minister-quits", Article.Status.PUBLISHED
    story.save()
    assert client.get(draft_url).status_code == 404
    assert client.get(story.get_absolute_url()).status_code == 200


def test_old_slug_leads_to_the_story_that_had_it_last(client, palestine):
    """Two stories held the slug in turn: its links lead to the later holder."""
    first = ArticleFactory(section=palestine, slug="x")
    first.slug = "first-renamed"
    first.save()
    second = ArticleFactory(
        section=palestine, slug="x", published_at=first.published_at - timedelta(days=3)
    )
    url = second.get_absolute_url()
    second.slug = "second-renamed"
    second.save()
    response = client.get(url)
    assert response.status_code == 301
    assert response["Location"] == second.get_absolute_url()


def test_a_slug_taken_by_another_story_leads_to_that_story(client, story, palestine):
    """The current owner of a slug wins over a story that used to have it."""
    old_slug = story.slug
    story.slug = "a-better-slug"
    story.save()
    newcomer = ArticleFactory(section=palestine, slug=old_slug, headline="The newcomer")
    response = client.get(newcomer.get_absolute_url())
    assert response.status_code == 200
    assert b"The newcomer" in response.content


def test_drafts_and_scheduled_appear_on_no_listing(client, story, palestine):
    """Unpublished headlines are absent from home, section, tag and author pages."""
    author = story.authors.first()
    hidden = [
        ArticleFactory(
            headline="Secret draft headline",
            section=palestine,
            status=Article.Status.DRAFT,
            authors=[author],
            tags=["spyware"],
        ),
        ArticleFactory(
            headline="Embargoed scheduled headline",
            section=palestine,
            published_at=timezone.now() + timedelta(days=1),
            authors=[author],
            tags=["spyware"],
            editors_choice=True,
        ),
    ]
    for url in ["/", "/news/", "/news/palestine/", "/tags/spyware/", "/authors/leila-haddad/"]:
        html = client.get(url).content.decode()
        assert escape(story.headline) in html, url
        for article in hidden:
            assert article.headline not in html, url


def test_tag_used_only_by_drafts_is_404(client, palestine):
    """A tag naming an unpublished story's subject does not leak through its tag page."""
    ArticleFactory(section=palestine, status=Article.Status.DRAFT, tags=["forthcoming-leak"])
    assert client.get("/tags/forthcoming-leak/").status_code == 404


def test_section_page_lists_subsection_articles_newest_first(client, palestine):
    """The News page includes stories filed under News > Palestine."""
    news = palestine.parent
    older = ArticleFactory(section=news, published_at=timezone.now() - timedelta(days=2))
    newer = ArticleFactory(section=palestine, published_at=timezone.now() - timedelta(hours=1))
    html = client.get("/news/").content.decode()
    assert html.index(newer.headline) < html.index(older.headline)
    assert '<a href="/news/palestine/">Palestine</a>' in html


def test_section_page_is_paginated(client, palestine, settings):
    """Long sections split into pages; a page past the end is a 404, not an error."""
    settings.ARTICLES_PER_PAGE = 2
    now = timezone.now()
    stories = [
        ArticleFactory(
            section=palestine, headline=f"Story {n}", published_at=now - timedelta(hours=n)
        )
        for n in range(1, 6)
    ]
    # Two stories at the same moment still come once each, in a fixed order.
    twin = ArticleFactory(
        section=palestine, headline="Story 3b", published_at=stories[2].published_at
    )

    def headlines(html: str) -> list[str]:
        return re.findall(r'<h2 class="card__headline"><a href="[^"]+">([^<]+)</a>', html)

    def link(html: str, rel: str) -> str | None:
        found = re.search(rf'rel="{rel}" href="([^"]+)"', html)
        return found and found[1].replace("&amp;", "&")

    html = client.get("/news/palestine/").content.decode()
    seen = []
    while True:
        seen.append(headlines(html))
        if not (older := link(html, "next")):
            break
        html = client.get(f"/news/palestine/{older}").content.decode()
    assert seen == [["Story 1", "Story 2"], ["Story 3b", "Story 3"], ["Story 4", "Story 5"]]
    assert twin.pk > stories[2].pk
    # Back up again from the oldest page.
    back = client.get(f"/news/palestine/{link(html, 'prev')}").content.decode()
    assert headlines(back) == ["Story 3b", "Story 3"]
    top = client.get(f"/news/palestine/{link(back, 'prev')}").content.decode()
    assert headlines(top) == ["Story 1", "Story 2"] and link(top, "prev") is None
    for query in [
        "before=abc",
        "before=1_1&after=1_1",
        "before=99999999999999999_1",  # past the years a cursor can name
        "before=0_1",  # nothing is older than 1970 here
        "before=\u0661\u0662_1",  # digits, but not ASCII ones
    ]:
        assert client.get(f"/news/palestine/?{query}").status_code == 404, query


def test_listing_pages_reach_stories_from_before_1970(client, palestine, settings):
    """An imported archive goes back further than 1970: its pages are reachable too."""
    settings.ARTICLES_PER_PAGE = 1
    for year in (1969, 1966):
        ArticleFactory(
            section=palestine,
            headline=f"From {year}",
            published_at=datetime(year, 5, 1, tzinfo=UTC),
        )
    first = client.get("/news/palestine/").content.decode()
    older = re.search(r'rel="next" href="([^"]+)"', first)[1]
    assert "From 1969" in first and "-" in older
    assert "From 1966" in client.get(f"/news/palestine/{older}").content.decode()


def test_listing_pages_name_only_their_own_position(client, palestine, settings):
    """Canonical and paging links keep the page's place and drop stray parameters."""
    settings.ARTICLES_PER_PAGE = 1
    ArticleFactory(section=palestine, published_at=timezone.now() - timedelta(hours=2))
    ArticleFactory(section=palestine)
    html = client.get("/news/palestine/?utm_source=x&page=7").content.decode()
    assert '<link rel="canonical" href="http://testserver/news/palestine/">' in html
    older = re.search(r'rel="next" href="(\?before=[-0-9]+_[0-9]+)"', html)[1]
    second = client.get(f"/news/palestine/{older}&utm_source=x").content.decode()
    assert f'<link rel="canonical" href="http://testserver/news/palestine/{older}">' in second


def test_listing_pages_are_never_counted(client, palestine):
    """A section page reads its page of keys and rows, never a count of the whole section."""
    for _ in range(3):
        ArticleFactory(section=palestine)
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/news/").status_code == 200
    assert not [q for q in queries if "COUNT(" in q["sql"].upper()]


def test_unknown_section_is_404(client):
    assert client.get("/no/such/section/").status_code == 404


def test_author_page_shows_bio_and_articles(client, story):
    html = client.get("/authors/leila-haddad/").content.decode()
    assert "<h1>Leila Haddad</h1>" in html
    assert "Covers the courts." in html
    assert escape(story.headline) in html


def test_home_shows_lead_editors_choice_and_section_blocks(client, story, palestine):
    """The front page leads with the newest story, then Editor's Choice, then section blocks."""
    choice = ArticleFactory(
        headline="Choice pick", section=palestine, editors_choice=True,
        published_at=timezone.now() - timedelta(hours=3),
    )  # fmt: skip
    business = SectionFactory(slug="business", name="Business")
    market = ArticleFactory(
        headline="Markets rally",
        section=business,
        published_at=story.published_at + timedelta(minutes=1),
    )
    html = client.get("/").content.decode()
    assert '<section class="lead-story" aria-label="Lead story">' in html
    lead_block = html.split('aria-label="Lead story"')[1].split("</section>")[0]
    assert "Markets rally" in lead_block  # a minute newer than the court story: it leads
    assert "Court rejects" not in lead_block
    strip = html.split('id="editors-choice"')[1].split("</section>")[0]
    assert choice.headline in strip
    assert '<a href="/business/">Business</a>' in html
    assert market.headline in html


def test_home_without_articles_says_so(client):
    """A brand-new site has a friendly empty front page, not an error."""
    assert "No stories have been published yet." in client.get("/").content.decode()


def test_preview_shows_drafts_to_staff_only(editor, palestine):
    """Editors preview a draft as readers will see it; anyone else is sent to log in."""
    draft = ArticleFactory(section=palestine, status=Article.Status.DRAFT, headline="Draft story")
    url = draft.get_preview_url()
    assert Client().get(url).status_code == 302
    staff = Client()
    staff.force_login(editor)
    response = staff.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Draft story" in html
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert "no-store" in response["Cache-Control"]


def test_missing_page_uses_the_site_404(client):
    """Readers get the site's own 404 page, with navigation."""
    response = client.get("/nothing-here/")
    assert response.status_code == 404
    assert "We can't find that page" in response.content.decode()


def test_favicon_ico_redirects_to_our_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == "/static/img/favicon.svg"


def test_server_error_page_is_the_sites_own(client, settings):
    """An unexpected error shows a calm page of our own, with no details."""
    from unittest import mock

    client.raise_request_exception = False
    with mock.patch("articles.views.FrontPage.build", side_effect=RuntimeError("boom")):
        response = client.get("/")
    assert response.status_code == 500
    assert b"Something went wrong on our side" in response.content
    assert b"boom" not in response.content
    # The site's stylesheet: readers' pages refuse inline styles.
    assert b"/static/css/site.css" in response.content and b"<style" not in response.content


def test_slug_of_a_story_renamed_before_its_time_never_becomes_an_address(client, palestine):
    """Scheduled as one slug, renamed before it went out: the first slug was never seen, even
    once the time it was scheduled for has passed."""
    due = timezone.now() + timedelta(hours=1)
    story = ArticleFactory(section=palestine, slug="minister-to-resign", published_at=due)
    story.slug = "minister-resigns"
    story.save()
    old_url = f"/news/palestine/{due:%Y/%m/%d}/minister-to-resign/"
    later = due + timedelta(hours=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        Article.objects.filter(pk=story.pk).update(published_at=due)
        assert client.get(story.get_absolute_url()).status_code == 200
        assert client.get(old_url).status_code == 404


def test_a_section_without_published_stories_is_hidden(client, palestine):
    """A section made ahead of an investigation shows its name nowhere readers look."""
    ArticleFactory(section=palestine, headline="Visible story")
    leak = SectionFactory(slug="pegasus-leak", name="Pegasus Leak", description="Our series.")
    ArticleFactory(section=leak, status=Article.Status.DRAFT)
    ArticleFactory(section=leak, published_at=timezone.now() + timedelta(days=1))
    assert client.get("/pegasus-leak/").status_code == 404
    assert client.get("/pegasus-leak/feed/").status_code == 404
    for url in ["/", "/news/", "/news/palestine/", "/search/?q=story", "/sitemap-sections.xml",
                "/feed/"]:  # fmt: skip
        body = client.get(url).content.decode()
        assert "Pegasus" not in body and "pegasus-leak" not in body, url


def test_an_author_without_published_stories_is_404(client, palestine):
    newcomer = AuthorFactory(name="New Reporter", slug="new-reporter")
    ArticleFactory(section=palestine, status=Article.Status.DRAFT, authors=[newcomer])
    assert client.get(newcomer.get_absolute_url()).status_code == 404
    ArticleFactory(section=palestine, authors=[newcomer])
    assert client.get(newcomer.get_absolute_url()).status_code == 200
