"""What readers get in a real browser: phone layout and accessibility (issue #6)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.browser.conftest import sign_in
from tests.factories import ArticleFactory, AuthorFactory, PhotoFactory, SectionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(django_user_model):
    from django.contrib.auth.models import Group

    news = SectionFactory(slug="news", name="News")
    palestine = SectionFactory(slug="palestine", name="Palestine", parent=news)
    author = AuthorFactory(name="Leila Haddad", slug="leila-haddad")
    photo = PhotoFactory()
    articles = [
        ArticleFactory(
            headline=f"A rather long headline about the harbour and the fishing fleet, part {n}",
            section=palestine if n % 2 else news,
            lead_photo=photo,
            authors=[author],
            tags=["harbour", "fishing"],
            editors_choice=n < 2,
        )
        for n in range(5)
    ]
    # Newest, so it leads the front page: words and addresses wider than a phone.
    long_word = "Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichen"
    articles.append(
        ArticleFactory(
            headline=f"{long_word} strike ends",
            summary="x" * 120,
            body=f'<p>{long_word * 2}</p><p><a href="https://example.org/">'
            f"https://example.org/{'a' * 224}</a></p>",
            section=news,
            lead_photo=photo,
            tags=["harbour"],
            published_at=timezone.now() - timedelta(minutes=1),
        )
    )
    editor = django_user_model.objects.create_user(
        "editor", password="pass for tests", is_staff=True
    )
    editor.groups.add(Group.objects.get(name="Editor"))
    return articles


def reader_pages(site) -> list[str]:
    return [
        "/",
        "/news/",
        "/news/palestine/",
        site[0].get_absolute_url(),
        site[-1].get_absolute_url(),
        "/search/?q=strike",
        "/tags/harbour/",
    ]


def test_phone_layout_never_scrolls_sideways(browser, live_server, site, settings):
    settings.ROOT_URLCONF = "tests.browser.urls"
    context = browser.new_context(viewport={"width": 390, "height": 844}, base_url=live_server.url)
    page = context.new_page()
    for url in reader_pages(site):
        page.goto(url)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, (url, width)
    context.close()


AXE_RUN = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations
    .filter(v => ["serious", "critical"].includes(v.impact))
    .map(v => `${v.id}: ${v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(", ")}`);
}"""


def serious_violations(page, axe_source: str, url: str, ready: str = "body") -> list[str]:
    page.goto(url)
    page.wait_for_load_state("load")
    page.wait_for_selector(ready)  # scripts that draw widgets may finish after "load"
    # axe tells icon-font ligatures ("format_bold") from words only once the font has loaded.
    page.evaluate(
        "async () => { await new Promise(requestAnimationFrame); await document.fonts.ready; }"
    )
    page.evaluate(axe_source)  # evaluated by the browser's debugger, not as a page script
    return page.evaluate(AXE_RUN)


def test_reader_pages_have_no_serious_accessibility_violations(page, site, axe_source):
    for url in reader_pages(site):
        assert serious_violations(page, axe_source, url) == [], url


def test_admin_article_form_has_no_serious_accessibility_violations(page, site, axe_source):
    sign_in(page, "editor", "pass for tests")
    url = reverse("admin:articles_article_change", args=[site[0].pk])
    # The editor's toolbar is drawn by a module script; check it as an editor sees it.
    violations = serious_violations(page, axe_source, url, ready=".prose-menubar button")
    assert violations == [], "\n".join(violations)
    # Greyed-out buttons say so to screen readers, and stop saying so when they can act.
    undo = page.locator('.prose-menubar button[title="undo"]')
    assert undo.get_attribute("aria-disabled") == "true"
    page.locator(".ProseMirror[contenteditable=true]").click()
    page.keyboard.type("More. ")
    page.wait_for_function(
        "() => document.querySelector('.prose-menubar button[title=\"undo\"]')"
        ".getAttribute('aria-disabled') === 'false'"
    )
