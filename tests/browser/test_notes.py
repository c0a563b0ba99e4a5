"""An editor writes a source note and a desk note in the browser; readers see neither (#18)."""

import pytest
from cryptography.fernet import Fernet
from django.contrib.auth.models import Group
from django_otp.plugins.otp_totp.models import TOTPDevice

from articles.models import Article
from notes.models import DeskNote, SourceNote
from tests.accounts.test_sign_in import current_code
from tests.factories import ArticleFactory, SectionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SOURCE_NOTE = "Met the whistleblower at the café; she asked us never to mention the ministry"
DESK_NOTE = "Second source needed for the date in paragraph one"


@pytest.fixture
def desk(django_user_model, settings):
    settings.SOURCE_NOTES_KEYS = [Fernet.generate_key().decode()]
    editor = django_user_model.objects.create_user("editor", password="pass for tests",
                                                   is_staff=True)  # fmt: skip
    editor.groups.add(Group.objects.get(name="Editor"))
    device = TOTPDevice.objects.create(user=editor, name="Authenticator app", confirmed=True)
    story = ArticleFactory(
        headline="Ministry contracts went to one firm",
        slug="ministry-contracts-went-to-one-firm",
        section=SectionFactory(slug="news", name="News"),
        body="<p>The contracts were signed in June.</p>",
    )
    return {"editor": editor, "device": device, "story": story}


def test_notes_written_in_the_admin_reach_no_reader(page, desk):
    page.goto("/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "pass for tests")
    page.fill("#id_otp_token", current_code(desk["device"]))
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")

    story = desk["story"]
    page.goto(f"/admin/articles/article/{story.pk}/change/")
    page.fill("#id_desk_note_text", DESK_NOTE)
    page.fill("#id_desk_note_quote", "signed in June")
    with page.expect_navigation(wait_until="domcontentloaded"):
        page.click("button:has-text('Add desk note')")
    page.locator(".desk-note__text").wait_for()
    assert page.locator(".desk-note__text").inner_text().strip() == DESK_NOTE
    assert page.locator(".desk-note__quote").inner_text().strip() == "signed in June"

    page.click("a:has-text('Open the source notes')")
    page.fill("#id_text", SOURCE_NOTE)
    with page.expect_navigation(wait_until="domcontentloaded"):
        page.click("input[value='Keep this note']")
    page.locator(".source-note__text").wait_for()
    assert SOURCE_NOTE in page.locator(".source-note__text").inner_text()
    assert SOURCE_NOTE not in SourceNote.objects.get().ciphertext
    assert DeskNote.objects.get().author == desk["editor"]

    page.goto(f"/admin/articles/article/{story.pk}/change/")
    assert "Notes last read by editor at" in page.locator(".desk-source-notes").inner_text()

    reader = page.context.browser.new_context(base_url=page.url.split("/admin/")[0])
    public = reader.new_page()
    assert Article.objects.get(pk=story.pk).is_live
    for url in [story.get_absolute_url(), "/", "/feed/", "/search/?q=whistleblower", "/api/"]:
        response = public.goto(url)
        if url == "/api/" and response.status == 404:
            continue  # no API on this site yet
        assert response.status == 200, url
        text = public.content()
        assert "never to mention the ministry" not in text, url
        assert "café" not in text and "Second source needed" not in text, url
    # The search for a word only the source note holds finds nothing.
    public.goto("/search/?q=whistleblower")
    assert "Ministry contracts went to one firm" not in public.content()
    assert "Ministry contracts went to one firm" in (public.goto(story.get_absolute_url()).text())
    reader.close()
