"""Live coverage in a real browser (issue #15): the desk posts, an open reader page offers the
new entries without a reload, the page works without JavaScript, and nothing loads from
another host."""

from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from live.models import Entry, LiveCoverage
from tests.browser.conftest import sign_in
from tests.factories import ArticleFactory, AuthorFactory, SectionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def story(django_user_model):
    from django.contrib.auth.models import Group

    author = AuthorFactory(name="Tomás Ferreira", slug="tomas-ferreira")
    article = ArticleFactory(
        section=SectionFactory(slug="business", name="Business"),
        headline="Port workers strike over pay",
        slug="port-workers-strike",
        authors=[author],
    )
    editor = django_user_model.objects.create_user(
        "editor", password="pass for tests", is_staff=True
    )
    editor.groups.add(Group.objects.get(name="Editor"))
    author.user = editor
    author.save()
    return article


def post_entry(page, text: str, title: str = "", pin: str = "") -> None:
    desk = page.locator("#live-desk")
    if title:
        desk.locator("input[name=title]").fill(title)
    desk.locator(".ProseMirror[contenteditable=true]").click()
    page.keyboard.type(text)
    if pin:
        desk.locator("select[name=pinned]").select_option(label=pin)
    desk.get_by_role("button", name="Post entry").click()
    page.locator("[data-live-desk-entries]").get_by_text(title or text[:20]).wait_for()


def test_desk_posts_and_an_open_reader_page_offers_the_new_entries(
    browser, live_server, page, story, settings
):
    """An editor starts coverage and posts three entries, one pinned, without leaving the page;
    a reader's open page shows "new updates" within the polling interval and, on a click, the
    entries, all from this one host."""
    settings.LIVE_POLL_SECONDS = 1
    settings.LIVE_CHECK_SECONDS = 1
    sign_in(page, "editor", "pass for tests")
    change = reverse("admin:articles_article_change", args=[story.pk])
    page.goto(change)
    page.get_by_role("button", name="Start live coverage").click()
    page.wait_for_url(f"**{change}#live-desk")
    post_entry(page, "Around 300 dockers gathered at the main gate at six.", "The strike begins")

    reader_context = browser.new_context(base_url=live_server.url)
    reader = reader_context.new_page()
    hosts = set()
    reader.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    reader.goto(story.get_absolute_url())
    assert reader.locator(".live-entry").count() == 1
    assert reader.locator(".badge--live").first.is_visible()

    assert page.url.endswith("#live-desk")  # the desk never left the story's page
    post_entry(page, "Eight ships wait at anchor outside the breakwater.")
    post_entry(page, "Union: 9% now; port: 4.5% this year, 3% next.", "The offers", "Key event")
    entries = Entry.objects.filter(coverage__article=story)
    assert entries.count() == 3
    assert entries.get(title="The offers").pinned == Entry.Pin.KEY_EVENT

    button = reader.get_by_role("button", name="2 new updates")
    button.wait_for(timeout=5_000)
    # Offered, not inserted: what the reader is reading has not moved.
    assert reader.locator(".live-entry").count() == 1
    button.click()
    reader.get_by_text("Eight ships wait at anchor").wait_for()
    bodies = reader.locator(".live-entry__body").all_inner_texts()
    assert bodies == [
        "Union: 9% now; port: 4.5% this year, 3% next.",
        "Eight ships wait at anchor outside the breakwater.",
        "Around 300 dockers gathered at the main gate at six.",
    ]
    assert hosts == {urlsplit(live_server.url).netloc}
    reader_context.close()


def test_live_page_works_without_javascript(browser, live_server, story):
    """With JavaScript off the page is complete: pinned entry first, then the newest, and a
    reload shows new ones."""
    coverage = LiveCoverage.objects.create(article=story)
    Entry.objects.create(
        coverage=coverage, body="<p>First update.</p>", status=Entry.Status.PUBLISHED
    )
    Entry.objects.create(
        coverage=coverage,
        body="<p>What we know so far.</p>",
        status=Entry.Status.PUBLISHED,
        pinned=Entry.Pin.SUMMARY,
    )
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    reader = context.new_page()
    reader.goto(story.get_absolute_url())
    texts = reader.locator(".live-entry__body").all_inner_texts()
    assert texts == ["What we know so far.", "First update."]
    Entry.objects.create(
        coverage=coverage, body="<p>Second update.</p>", status=Entry.Status.PUBLISHED
    )
    reader.reload()
    assert reader.locator(".live-entry__body").first.inner_text() == "What we know so far."
    assert reader.get_by_text("Second update.").is_visible()
    context.close()


def test_reader_script_stops_while_hidden_and_once_coverage_ended(
    browser, live_server, story, settings
):
    """No checks while the tab is hidden; checking again when shown; none after the end."""
    settings.LIVE_POLL_SECONDS = 1
    settings.LIVE_CHECK_SECONDS = 1
    coverage = LiveCoverage.objects.create(article=story)
    context = browser.new_context(base_url=live_server.url)
    reader = context.new_page()
    checks = []
    reader.on("request", lambda r: "/check/" in r.url and checks.append(r.url))
    reader.goto(story.get_absolute_url())
    reader.wait_for_timeout(2_500)
    assert checks, "the page checks while visible"
    reader.evaluate(
        """() => {
        Object.defineProperty(document, "hidden", {value: true, configurable: true});
        document.dispatchEvent(new Event("visibilitychange"));
    }"""
    )
    hidden_at = len(checks)
    reader.wait_for_timeout(2_500)
    assert len(checks) == hidden_at
    coverage.ended_at = coverage.started_at
    coverage.save()
    reader.evaluate(
        """() => {
        Object.defineProperty(document, "hidden", {value: false, configurable: true});
        document.dispatchEvent(new Event("visibilitychange"));
    }"""
    )
    reader.get_by_text("This live coverage has ended.").wait_for()
    ended_at = len(checks)
    reader.wait_for_timeout(2_500)
    assert len(checks) == ended_at
    context.close()
