"""Stored XSS: hostile text in every editor field never runs, on public pages or in the admin."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from articles.models import Correction
from siteinfo.models import SiteLink, SiteSettings
from tests.browser.conftest import sign_in
from tests.factories import ArticleFactory, AuthorFactory, PhotoFactory, SectionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# For fields of up to 100 characters.
SHORT = "<script>window.__xss=1</script><img src=x onerror=alert(1)>"
PAYLOAD = (
    "<script>window.__xss=1</script><img src=x onerror=\"window.__xss=1;alert('img')\">"
    "<svg/onload=alert('svg')>\"'><iframe srcdoc=\"<script>parent.__xss=1</script>\"></iframe>"
    "<a href=\"javascript:alert('a')\">x</a>{{ 7|add:1 }}</textarea></title></style>"
)


@pytest.fixture
def hostile_site(django_user_model):
    site = SiteSettings.load()
    site.name, site.tagline = f"Site {SHORT}", PAYLOAD[:200]
    site.alternate_addresses_intro = PAYLOAD[:200]
    site.save()
    SiteLink.objects.create(settings=site, kind="alternate", label=SHORT, url="https://m.example/")
    section = SectionFactory(slug="news", name=f"News {SHORT}", description=PAYLOAD)
    author = AuthorFactory(name=f"Author {SHORT}", slug="author", bio=PAYLOAD)
    photo = PhotoFactory(caption=PAYLOAD, credit=PAYLOAD[:200], alt_text=PAYLOAD[:300])
    article = ArticleFactory(
        headline=f"Headline {PAYLOAD}"[:200],
        summary=PAYLOAD,
        body=f"<p>{PAYLOAD}</p>{PAYLOAD}",
        section=section,
        lead_photo=photo,
        lead_photo_caption=PAYLOAD,
        authors=[author],
        tags=[f"tag {SHORT}"],
    )
    Correction.objects.create(article=article, text=PAYLOAD)
    editor = django_user_model.objects.create_user(
        "editor", password="pass for tests", is_staff=True
    )
    editor.groups.add(Group.objects.get(name="Site admin"))
    return article


def assert_nothing_ran(page, url: str) -> None:
    page.goto(url)
    page.wait_for_load_state("load")
    assert page.evaluate("window.__xss") is None, url
    assert page.dialogs == [], (url, page.dialogs)


def test_hostile_text_never_runs_on_public_pages(page, hostile_site):
    article = hostile_site
    for url in [
        "/",
        "/news/",
        article.get_absolute_url(),
        "/authors/author/",
        "/search/?q=headline",
        "/corrections/",
        f"/tags/{article.tags.first().slug}/",
    ]:
        assert_nothing_ran(page, url)
    # The hostile headline is shown as text, exactly as typed.
    page.goto(article.get_absolute_url())
    assert page.locator("h1").inner_text() == f"Headline {PAYLOAD}"[:200]


def test_hostile_text_never_runs_in_the_admin(page, hostile_site):
    article = hostile_site
    sign_in(page, "editor", "pass for tests")
    for url in [
        reverse("admin:index"),
        reverse("admin:articles_article_changelist"),
        reverse("admin:articles_article_change", args=[article.pk]),
        reverse("admin:articles_article_history", args=[article.pk]),
        reverse("admin:articles_article_compare", args=[article.pk]),
        reverse("admin:media_photo_changelist"),
        reverse("admin:media_photo_change", args=[article.lead_photo.pk]),
        reverse("admin:sections_section_changelist"),
        reverse("admin:articles_author_changelist"),
        reverse("admin:siteinfo_sitesettings_change", args=[1]),
    ]:
        assert_nothing_ran(page, url)


def test_a_payload_typed_into_the_headline_stays_text(page, hostile_site):
    sign_in(page, "editor", "pass for tests")
    page.goto(reverse("admin:articles_article_change", args=[hostile_site.pk]))
    page.fill("#id_headline", "<img src=x onerror=alert('typed')>Typed")
    # What the publishing checks refuse in the fixture's story (an empty link, a caption that
    # repeats the alt text) is put right, still hostile.
    page.locator(".field-body .ProseMirror >> visible=true").first.click()
    page.keyboard.press("Control+A")
    page.keyboard.type(f"Body {SHORT}")
    page.fill("#id_lead_photo_caption", f"Caption {SHORT}")
    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist .success")
    assert_nothing_ran(page, hostile_site.get_absolute_url())
    assert page.locator("h1").inner_text() == "<img src=x onerror=alert('typed')>Typed"
