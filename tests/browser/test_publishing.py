"""An editor publishes a story in the browser; a reader finds and reads it (issue #6)."""

import pytest
from django.contrib.auth.models import Group

from articles.models import Article
from tests.browser.conftest import sign_in
from tests.factories import AuthorFactory, SectionFactory
from tests.images import jpeg_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def desk(django_user_model):
    news = SectionFactory(slug="news", name="News")
    SectionFactory(slug="palestine", name="Palestine", parent=news)
    AuthorFactory(name="Leila Haddad", slug="leila-haddad")
    editor = django_user_model.objects.create_user(
        "editor", password="pass for tests", is_staff=True
    )
    editor.groups.add(Group.objects.get(name="Editor"))
    return editor


def choose_autocomplete(page, field: str, text: str) -> None:
    page.click(f"#id_{field} + .select2 .select2-selection")
    page.fill(".select2-container--open .select2-search__field", text)
    page.click(f".select2-results__option:has-text('{text}')")


# The rich-text editor's own state (Tiptap keeps the editor on its element): what it holds
# lags behind keys pressed in the page, and keys pressed before it catches up can be undone.
EDITOR_STATE = 'document.querySelector(".ProseMirror[contenteditable=true]").editor.state'
EDITOR_TEXT_ENDS_WITH = f"(text) => {EDITOR_STATE}.doc.textContent.endsWith(text)"
EDITOR_SELECTION_IS = f"""(expected) => {{
  const state = {EDITOR_STATE};
  return state.doc.textBetween(state.selection.from, state.selection.to) === expected;
}}"""


def test_editor_writes_and_publishes_and_a_reader_reads_it(page, desk, tmp_path):
    sign_in(page, "editor", "pass for tests")

    # A photo with caption, credit and alt text.
    photo_file = tmp_path / "harbour.jpg"
    photo_file.write_bytes(jpeg_bytes(1600, 1000, color="#2f6f8f"))
    page.goto("/admin/media/photo/add/")
    page.set_input_files("#id_image", str(photo_file))
    page.locator(".photo-upload-preview").wait_for(state="visible")
    page.fill("#id_caption", "Fishing boats in Gaza City's harbour at dawn.")
    page.fill("#id_credit", "Rami Khalil")
    page.fill("#id_alt_text", "Small boats moored side by side.")
    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist .success")

    # The focal point: a click on the right of the photo sets x and y for the crops.
    image = page.locator(".focal-point img")
    box = image.bounding_box()
    image.click(position={"x": box["width"] * 0.9, "y": box["height"] * 0.5})
    assert abs(int(page.input_value("#id_focal_point_x")) - 1440) <= 10
    assert abs(int(page.input_value("#id_focal_point_y")) - 500) <= 10
    assert page.locator(".focal-point__marker").is_visible()
    page.click("input[name=_save]")
    page.wait_for_selector(".messagelist .success")

    # The article, written in the rich-text editor.
    page.goto("/admin/articles/article/add/")
    page.locator("#id_headline").press_sequentially("Fishermen return to sea")
    assert page.input_value("#id_slug") == "fishermen-return-to-sea"
    page.fill("#id_summary", "Boats left before dawn as fuel arrived.")
    editor = page.locator(".ProseMirror[contenteditable=true]")
    editor.click()
    page.click("button[title=blockquote]")
    page.keyboard.type("We have waited three weeks.")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")  # an empty line ends the quote
    page.click("button[title=bold]")
    page.keyboard.type("Dozens of boats went out.")
    page.click("button[title=bold]")
    page.keyboard.press("Enter")
    page.keyboard.type("Read the union statement")
    page.wait_for_function(EDITOR_TEXT_ENDS_WITH, arg="Read the union statement")
    for _ in "union statement":
        page.keyboard.press("Shift+ArrowLeft")
    page.wait_for_function(EDITOR_SELECTION_IS, arg="union statement")
    page.click("button[title='insert link']")
    page.fill("dialog[open] input[name=href]", "https://union.example.org/statement")
    page.click("dialog[open] button[type=submit]")
    page.select_option("#id_section", label="— Palestine")
    page.fill("#id_tags", "Gaza, fishing")
    choose_autocomplete(page, "authors", "Leila Haddad")
    choose_autocomplete(page, "lead_photo", "Fishing boats in Gaza")
    page.select_option("#id_status", "published")
    page.click("input[name=_save]")
    page.wait_for_selector(".messagelist .success")

    article = Article.objects.get(slug="fishermen-return-to-sea")
    assert "<strong>Dozens of boats went out.</strong>" in article.body_html
    assert (
        '<a href="https://union.example.org/statement" title="" rel="noopener noreferrer">'
        "union statement</a>"
    ) in article.body_html
    assert "<blockquote><p>We have waited three weeks.</p></blockquote>" in article.body_html

    # A reader, not signed in, finds it on the front page and reads it.
    reader = page.context.browser.new_context(base_url=page.url.split("/admin")[0])
    reading = reader.new_page()
    reading.goto("/")
    reading.click("text=Fishermen return to sea")
    reading.wait_for_load_state("load")  # the lead photo with it
    assert reading.locator("h1").inner_text() == "Fishermen return to sea"
    crumbs = reading.locator("nav[aria-label=Breadcrumb] li").all_inner_texts()
    assert crumbs == ["Home", "News", "Palestine"]
    figure = reading.locator("figure.figure--lead")
    image = figure.locator("img")
    assert image.get_attribute("alt") == "Small boats moored side by side."
    assert image.evaluate("img => img.complete && img.naturalWidth > 0")
    assert "/renditions/" in image.evaluate("img => img.currentSrc")
    assert figure.locator("figcaption").inner_text() == (
        "Fishing boats in Gaza City's harbour at dawn. RAMI KHALIL"
    )
    assert reading.locator(".article__body strong").inner_text() == "Dozens of boats went out."
    assert (
        reading.locator(".article__body blockquote").inner_text() == "We have waited three weeks."
    )
    assert reading.locator(".byline").inner_text() == "By Leila Haddad"
    reader.close()
    assert page.dialogs == []
