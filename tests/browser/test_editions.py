"""The Arabic edition in a real browser: right to left, no sideways scrolling, accessible, and
written through the admin in Arabic."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from accounts.models import DeskProfile
from articles.models import Article
from tests.browser.conftest import sign_in
from tests.browser.test_readers import serious_violations
from tests.factories import ArticleFactory, AuthorFactory, PhotoFactory, SectionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def arabic_site(django_user_model):
    news = SectionFactory(slug="news", name="News", name_ar="أخبار")
    palestine = SectionFactory(slug="palestine", name="Palestine", parent=news, name_ar="فلسطين")
    author = AuthorFactory(name="ليلى حداد", slug="leila-haddad")
    photo = PhotoFactory(caption="Boats in the harbour.", alt_text="Small boats moored at dusk.")
    english = ArticleFactory(
        headline="Gaza fishermen return to sea as fuel deliveries resume",
        slug="gaza-fishermen-return-to-sea",
        section=palestine, authors=[author], lead_photo=photo, tags=["Gaza"],
    )  # fmt: skip
    arabic = ArticleFactory(
        headline="صيادو غزة يعودون إلى البحر مع استئناف إمدادات الوقود",
        slug="صيادو-غزة-يعودون-إلى-البحر",
        summary="غادرت عشرات القوارب ميناء مدينة غزة قبل الفجر يوم الثلاثاء.",
        body="<p>غادرت عشرات من قوارب الصيد ميناء مدينة غزة قبل فجر الثلاثاء، وقد دارت محركاتها"
        " للمرة الأولى منذ ثلاثة أسابيع.</p><blockquote><p>لدينا وقود لعشرة أيام.</p></blockquote>"
        "<ul><li>خرج 64 قارباً.</li><li>عاد مصنع الثلج إلى العمل.</li></ul>",
        language="ar", translation_group=english.translation_group, section=palestine,
        authors=[author], lead_photo=photo, tags=["غزة"],
        lead_photo_caption="قوارب في الميناء.", lead_photo_alt="قوارب صغيرة راسية عند الغروب.",
    )  # fmt: skip
    editor = django_user_model.objects.create_user(
        "editor", password="pass for tests", is_staff=True
    )
    editor.groups.add(Group.objects.get(name="Editor"))
    DeskProfile.objects.create(user=editor, language="ar")
    return {"en": english, "ar": arabic}


def arabic_pages(site) -> list[str]:
    return ["/ar/", "/ar/news/", "/ar/news/palestine/", site["ar"].get_absolute_url(),
            "/ar/search/?q=غزة", "/ar/corrections/"]  # fmt: skip


@pytest.mark.parametrize("width", [390, 1366])
def test_arabic_pages_never_scroll_sideways_and_read_right_to_left(
    browser, live_server, arabic_site, width
):
    context = browser.new_context(
        viewport={"width": width, "height": 900}, base_url=live_server.url
    )
    page = context.new_page()
    for url in arabic_pages(arabic_site):
        page.goto(url)
        assert page.evaluate("document.documentElement.dir") == "rtl", url
        assert page.evaluate("document.documentElement.scrollWidth") <= width, url
    page.goto(arabic_site["ar"].get_absolute_url())
    # The breadcrumb and the navigation start at the right: each next item is to the left.
    for selector in (".breadcrumb li", ".site-nav__list li"):
        lefts = page.locator(selector).evaluate_all(
            "els => els.map(e => e.getBoundingClientRect().left)"
        )
        assert len(lefts) >= 2 and lefts == sorted(lefts, reverse=True), (selector, lefts)
    context.close()


def test_arabic_pages_have_no_serious_accessibility_violations(page, arabic_site, axe_source):
    for url in arabic_pages(arabic_site):
        assert serious_violations(page, axe_source, url) == [], url


def test_an_editor_publishes_an_arabic_translation_through_the_admin_in_arabic(page, arabic_site):
    """From the English story: "Translate into العربية", translate, publish, read it."""
    english = arabic_site["en"]
    Article.objects.filter(pk=arabic_site["ar"].pk).delete()
    sign_in(page, "editor", "pass for tests")
    page.goto(reverse("admin:articles_article_change", args=[english.pk]))
    assert page.evaluate("document.documentElement.lang") == "ar"
    assert page.evaluate("document.documentElement.dir") == "rtl"
    page.click("button[form=translate-story][value=ar]")
    page.wait_for_selector(".messagelist .info, .messagelist li")
    draft = Article.objects.get(language="ar")
    assert draft.translation_group == english.translation_group and draft.status == "draft"
    page.fill("#id_headline", "صيادو غزة يعودون إلى البحر")
    page.fill("#id_slug", "صيادو-غزة-يعودون-إلى-البحر")
    page.fill("#id_summary", "غادرت عشرات القوارب ميناء مدينة غزة قبل الفجر.")
    page.locator(".field-body .ProseMirror >> visible=true").first.click()
    page.keyboard.press("Control+A")
    page.keyboard.type("غادرت عشرات من قوارب الصيد ميناء مدينة غزة قبل فجر الثلاثاء.")
    page.fill("#id_lead_photo_alt", "قوارب صغيرة راسية عند الغروب.")
    page.select_option("#id_status", "published")
    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist .success")
    draft.refresh_from_db()
    assert draft.status == "published" and draft.headline == "صيادو غزة يعودون إلى البحر"
    page.goto(draft.get_absolute_url())
    assert page.locator("h1").inner_text() == "صيادو غزة يعودون إلى البحر"
    assert page.evaluate("document.documentElement.lang") == "ar"
    assert page.locator(f'link[hreflang="en"][href$="{english.get_absolute_url()}"]').count() == 1
