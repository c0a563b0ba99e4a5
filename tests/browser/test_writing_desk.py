"""The writing desk in a real browser (issue #14): a story with two inline photos (one picked
from the library, one uploaded) and the body's blocks; a crashed tab recovered through autosave;
publishing refused for a missing alt text, then allowed; readers get <picture> renditions; and
no page asks another host for anything."""

import time
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from articles import autosave
from articles.models import Article, InlinePhoto, StoryLink
from tests.browser.conftest import sign_in
from tests.browser.test_publishing import choose_autocomplete
from tests.browser.test_readers import AXE_RUN
from tests.factories import ArticleFactory, AuthorFactory, PhotoFactory, SectionFactory
from tests.images import jpeg_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EDITOR = ".ProseMirror[contenteditable=true]"
EDITOR_JS = 'document.querySelector(".ProseMirror[contenteditable=true]").editor'
# The cursor is on an empty line, where a block just inserted leaves it for the next words.
ON_AN_EMPTY_LINE = f"() => {{ const $from = {EDITOR_JS}.state.selection.$from; return $from.parent.isTextblock && $from.parent.content.size === 0; }}"


@pytest.fixture
def desk(django_user_model):
    news = SectionFactory(slug="news", name="News")
    AuthorFactory(name="Leila Haddad", slug="leila-haddad")
    # In the library without alt text: a story using it cannot be published as it is.
    library_photo = PhotoFactory(
        caption="Fishing boats in Gaza City's harbour at dawn.", credit="Rami Khalil", alt_text=""
    )
    earlier = ArticleFactory(headline="Fuel trucks cross at the southern crossing", section=news)
    editor = django_user_model.objects.create_user(
        "editor", password="pass for tests", is_staff=True
    )
    editor.groups.add(Group.objects.get(name="Editor"))
    return {"editor": editor, "photo": library_photo, "earlier": earlier}


def record_requests(context, host: str) -> list[str]:
    """Every address the pages of a browser context ask for that is not ours."""
    outside = []

    def note(request):
        parts = urlsplit(request.url)
        if parts.scheme not in {"data", "blob"} and parts.netloc != host:
            outside.append(request.url)

    context.on("request", note)
    return outside


def insert_block(page, button: str) -> None:
    page.click(f"button[title='{button}']")
    page.wait_for_function(ON_AN_EMPTY_LINE)


def wait_for_working_copy(user, text: str) -> None:
    """Until autosave has the text on the server (it saves every second in this test)."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        copy = autosave.pending(user=user, article=None)
        if copy and text in "".join(copy.data.get("body", [])):
            return
        time.sleep(0.2)
    raise AssertionError(f"autosave never kept {text!r}")


def test_a_story_with_photos_and_blocks_survives_a_crash_and_publishes_once_described(
    page, desk, live_server, settings, tmp_path
):
    settings.AUTOSAVE_SECONDS = 1
    # A long walk through the desk: slower machines get more time per step.
    page.context.set_default_timeout(45_000)
    host = urlsplit(live_server.url).netloc
    outside = record_requests(page.context, host)
    upload = tmp_path / "IMG_2291.jpg"
    upload.write_bytes(jpeg_bytes(1600, 1000, color="#8a6f2f"))

    sign_in(page, "editor", "pass for tests")
    page.goto("/admin/articles/article/add/")
    page.locator("#id_headline").press_sequentially("Fishermen return to sea")
    page.fill("#id_summary", "Boats left before dawn as fuel arrived.")
    page.select_option("#id_section", label="News")
    page.fill("#id_tags", "Gaza, fishing")
    choose_autocomplete(page, "authors", "Leila Haddad")
    page.select_option("#id_status", "published")
    page.locator(EDITOR).click()
    page.keyboard.type("Dozens of boats left the harbour before dawn.")

    # A photo from the library, found by its credit.
    page.click("button[title='insert photo']")
    page.fill(".desk-chooser__search", "Rami Khalil")
    page.click(".desk-chooser__choice:has-text('Fishing boats in Gaza')")
    page.wait_for_function(ON_AN_EMPTY_LINE)
    page.keyboard.type("The catch was sold on the quay.")

    # A photo uploaded without leaving the story.
    page.click("button[title='insert photo']")
    page.set_input_files(".desk-chooser input[type=file]", str(upload))
    page.fill(".desk-chooser [name=caption]", "Crates of sardines on the quay.")
    page.fill(".desk-chooser [name=credit]", "Leila Haddad")
    page.fill(".desk-chooser [name=alt_text]", "Silver fish in blue plastic crates.")
    page.click(".desk-chooser button:has-text('Upload and insert')")
    page.wait_for_function(ON_AN_EMPTY_LINE)
    assert page.locator(".desk-photo").count() == 2
    page.keyboard.type("Prices were half those of last week.")

    insert_block(page, "insert pull quote")
    page.keyboard.type("Every day in the harbour costs us our income.")
    page.click(".ProseMirror figure.pull-quote figcaption")
    page.keyboard.type("Nizar Ayyash, fishermen's union")
    page.click("text=Prices were half those of last week.")
    page.keyboard.press("End")
    insert_block(page, "insert fact box")
    page.keyboard.type("64 boats went out on Tuesday.")
    page.keyboard.press("Enter")
    page.keyboard.type("The fuel will last about ten days.")
    page.click("button[title='insert link card']")
    page.fill(".desk-chooser__search", "southern crossing")
    page.click(".desk-chooser__choice:has-text('Fuel trucks cross')")
    page.wait_for_function(ON_AN_EMPTY_LINE)
    page.click("button[title='embed video or post']")
    page.fill("dialog[open] input[name=url]", "https://video.example.org/watch/boats-at-dawn")
    page.fill("dialog[open] input[name=title]", "Video: the boats leave at dawn")
    page.click("dialog[open] button[type=submit]")
    page.wait_for_function(ON_AN_EMPTY_LINE)
    insert_block(page, "insert section break")
    page.keyboard.type("The union meets on Friday.")
    wait_for_working_copy(desk["editor"], "The union meets on Friday.")

    # The tab dies mid-sentence. Nothing it might still send on the way out reaches the server
    # (a crashed browser sends nothing): only what autosave kept while typing survives.
    page.keyboard.type(" Its members will")
    page.route("**/autosave/**", lambda route: route.abort())
    page.close()

    again = page.context.new_page()
    again.goto("/admin/articles/article/add/")
    assert "You have unsaved changes to this story" in again.locator(".desk-banner").inner_text()
    again.click("text=Restore my changes")
    again.locator(".desk-photo__alt").nth(1).wait_for()
    restored = again.locator(EDITOR).inner_text()
    for words in [
        "Dozens of boats left the harbour before dawn.",
        "Every day in the harbour costs us our income.",
        "64 boats went out on Tuesday.",
        "The union meets on Friday.",
    ]:
        assert words in restored
    assert again.input_value("#id_headline") == "Fishermen return to sea"

    # Publishing is refused: the library photo has no alt text, and this story gave it none.
    again.click("input[name=_save]")
    errors = again.locator(".field-body .errorlist").inner_text()
    assert "has no alt text" in errors
    assert not Article.objects.filter(headline="Fishermen return to sea").exists()
    again.locator(".desk-photo__alt").first.fill("Small boats moored side by side.")
    again.click("input[name=_save]")
    again.wait_for_selector(".messagelist .success")

    article = Article.objects.get(headline="Fishermen return to sea")
    assert article.status == Article.Status.PUBLISHED
    # What the editor wrote is what the sanitizer keeps: the blocks' markup survives unchanged.
    assert article.body == article.body_html
    uploaded = InlinePhoto.objects.exclude(photo=desk["photo"]).get(article=article).photo
    assert (uploaded.caption, uploaded.alt_text) == (
        "Crates of sardines on the quay.",
        "Silver fish in blue plastic crates.",
    )
    assert "IMG_2291" not in uploaded.image.name
    assert (
        f'<figure data-photo="{desk["photo"].pk}" data-alt="Small boats moored side by side.">'
        "</figure>"
    ) in article.body
    assert f'<figure data-photo="{uploaded.pk}"></figure>' in article.body
    for markup in [
        '<figure class="pull-quote"><blockquote><p>Every day in the harbour costs us our income.'
        "</p></blockquote><figcaption>Nizar Ayyash, fishermen's union</figcaption></figure>",
        '<aside class="fact-box"><h2>What we know</h2><ul><li><p>64 boats went out on Tuesday.'
        "</p></li><li><p>The fuel will last about ten days.</p></li></ul></aside>",
        f'<aside data-story="{desk["earlier"].pk}">Fuel trucks cross at the southern crossing'
        "</aside>",
        '<aside data-embed="https://video.example.org/watch/boats-at-dawn">Video: the boats leave'
        " at dawn</aside>",
        "<hr><p>The union meets on Friday.",
    ]:
        assert markup in article.body
    assert list(StoryLink.objects.filter(article=article).values_list("story", flat=True)) == [
        desk["earlier"].pk
    ]

    # Saved again unchanged, the body stays byte for byte the same.
    body = article.body
    again.goto(reverse("admin:articles_article_change", args=[article.pk]))
    again.locator(".desk-photo img[src]").nth(1).wait_for()
    again.click("input[name=_save]")
    again.wait_for_selector(".messagelist .success")
    article.refresh_from_db()
    assert article.body == body

    # A reader gets both photos as renditions, and the blocks as plain markup.
    reader = page.context.browser.new_context(base_url=live_server.url)
    reader_outside = record_requests(reader, host)
    reading = reader.new_page()
    reading.goto(article.get_absolute_url())
    reading.wait_for_load_state("load")
    figures = reading.locator(".article__body figure.figure--inline")
    assert figures.count() == 2
    for index in range(2):
        image = figures.nth(index).locator("picture img")
        image.scroll_into_view_if_needed()
        image.evaluate("img => img.decode()")
        assert image.evaluate("img => img.complete && img.naturalWidth > 0")
        assert "/renditions/" in image.evaluate("img => img.currentSrc")
    assert figures.nth(0).locator("img").get_attribute("alt") == "Small boats moored side by side."
    assert (
        figures.nth(1)
        .locator("figcaption")
        .inner_text()
        .startswith("Crates of sardines on the quay.")
    )
    assert reading.locator(".story-card__link").inner_text() == (
        "Fuel trucks cross at the southern crossing"
    )
    assert reading.locator(".embed-card__link").get_attribute("href") == (
        "https://video.example.org/watch/boats-at-dawn"
    )
    assert reading.locator("iframe").count() == 0
    reader.close()
    assert outside == [] and reader_outside == []


def test_the_article_form_with_every_block_has_no_serious_accessibility_violations(
    page, desk, axe_source
):
    other = desk["earlier"]
    photo = PhotoFactory(alt_text="Boats at dawn.")
    article = ArticleFactory(
        headline="Every block",
        body=(
            f'<p>Intro.</p><figure data-photo="{photo.pk}" data-caption="Ours"></figure>'
            '<figure class="pull-quote"><blockquote><p>Quoted.</p></blockquote>'
            "<figcaption>Someone</figcaption></figure>"
            '<aside class="fact-box"><h2>What we know</h2><ul><li><p>A fact</p></li></ul></aside>'
            f'<hr><aside data-story="{other.pk}">{other.headline}</aside>'
            '<aside data-embed="https://video.example.org/v/1">A video</aside>'
            "<table><tbody><tr><th><p>Year</p></th></tr><tr><td><p>2026</p></td></tr></tbody>"
            "</table>"
        ),
    )
    page.context.set_default_timeout(45_000)
    sign_in(page, "editor", "pass for tests")
    page.goto(reverse("admin:articles_article_change", args=[article.pk]))
    page.locator(".desk-photo img[src]").wait_for()
    page.click("button[title='insert photo']")  # the chooser, open, is checked too
    page.locator(".desk-chooser__choice img").first.wait_for()
    page.evaluate(axe_source)
    violations = page.evaluate(AXE_RUN)
    assert violations == [], "\n".join(violations)
