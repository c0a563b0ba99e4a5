"""Any language, any input, never a 500 (issue #12): names in Arabic, accented Latin, CJK and
symbols only; text holding characters XML cannot carry; sitemaps valid against their schemas."""

import re
from datetime import timedelta
from pathlib import Path
from xml.etree import ElementTree

import pytest
from django.urls import reverse
from django.utils import timezone
from lxml import etree

from articles.models import Article
from tests.articles.test_admin import article_form
from tests.factories import ArticleFactory, AuthorFactory, PhotoFactory, SectionFactory

pytestmark = pytest.mark.django_db
SCHEMAS = Path(__file__).resolve().parents[1] / "schemas"
NAMES = ["غزة", "café", "東京", "!!!", "#", "Ωmega"]


def valid_sitemap(xml: bytes) -> None:
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "sitemap.xsd")))
    document = etree.fromstring(xml)
    assert schema.validate(document), schema.error_log


@pytest.fixture
def story_in_every_script():
    section = SectionFactory(name="أخبار", slug="أخبار")
    author = AuthorFactory(name="ليلى حداد", slug="ليلى-حداد")
    return ArticleFactory(
        headline="محكمة ترفض دعوى برنامج التجسس",
        slug="محكمة-ترفض-دعوى",
        summary="Les juges ont trouvé les preuves insuffisantes.",
        section=section,
        authors=[author],
        tags=NAMES,
        lead_photo=PhotoFactory(caption="قوارب في الميناء", credit="وكالة"),
    )


def test_names_in_any_script_work_on_every_page(client, story_in_every_script):
    story = story_in_every_script
    page = client.get(story.get_absolute_url())
    assert page.status_code == 200, page
    html = page.content.decode()
    assert "محكمة ترفض دعوى برنامج التجسس" in html
    tags = list(story.tags.all())
    assert len(tags) == len(NAMES) and all(tag.slug for tag in tags)
    for tag in tags:
        url = reverse("articles:tag", args=[tag.slug])
        assert url in html
        assert client.get(url).status_code == 200, tag.name
        feed = client.get(reverse("articles:tag_feed", args=[tag.slug]))
        assert feed.status_code == 200
        ElementTree.fromstring(feed.content)
    author = story.authors.get()
    assert client.get(author.get_absolute_url()).status_code == 200
    assert client.get(story.section.get_absolute_url()).status_code == 200
    ElementTree.fromstring(client.get(f"{story.section.get_absolute_url()}feed/").content)
    search = client.get("/search/", {"q": "محكمة"})
    assert search.status_code == 200 and "ترفض" in search.content.decode()
    for name in ["sections", "articles", "tags"]:
        sitemap = client.get(reverse("articles:sitemap_section", args=[name]))
        valid_sitemap(sitemap.content)
    valid_sitemap(client.get(reverse("articles:news_sitemap")).content)


def test_names_in_any_script_work_in_the_admin(editor_client, story_in_every_script):
    story = story_in_every_script
    for url in [
        reverse("admin:articles_article_changelist"),
        reverse("admin:articles_article_change", args=[story.pk]),
        reverse("admin:taggit_tag_changelist"),
        reverse("admin:articles_article_history", args=[story.pk]),
    ]:
        assert editor_client.get(url).status_code == 200, url
    data = article_form(story.section, headline="Ça va, السلام", slug="ça-va-السلام",
                        tags="Ümlaut, ✊, 北京")  # fmt: skip
    response = editor_client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    created = Article.objects.get(slug="ça-va-السلام")
    assert client_page(editor_client, created.get_absolute_url()).status_code == 200
    assert sorted(created.tags.names()) == sorted(["Ümlaut", "✊", "北京"])


def client_page(client, url: str):
    from django.test import Client

    return Client().get(url)


def test_control_characters_are_refused_with_a_clear_error(editor_client):
    section = SectionFactory()
    response = editor_client.post(
        reverse("admin:articles_article_add"),
        article_form(section, headline="Minister\x0bresigns", tags="ok, bad\x0btag"),
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "U+000B" in str(errors["headline"]) and "U+000B" in str(errors["tags"])
    assert not Article.objects.exists()
    photo = editor_client.post(
        reverse("admin:media_photo_add"),
        {"caption": "Po\x01rt", "credit": "", "alt_text": "Boats"},
    )
    assert "U+0001" in str(photo.context["adminform"].form.errors["caption"])


def test_feeds_and_sitemaps_survive_rows_that_hold_control_characters(client):
    """Stories saved before the forms refused such characters keep every feed working."""
    photo = PhotoFactory(caption="Boats\x0b in the port", credit="Agency\x01")
    story = ArticleFactory(headline="Minister\x0bresigns", summary="Sum\x1fmary", lead_photo=photo,
                           tags=["tag\x08"])  # fmt: skip
    Article.objects.filter(pk=story.pk).update(headline="Minister\x0bresigns")
    for url in ["/feed/", f"{story.section.get_absolute_url()}feed/"]:
        response = client.get(url)
        assert response.status_code == 200, url
        item = ElementTree.fromstring(response.content).find("channel/item")
        assert item.findtext("title") == "Ministerresigns"
    news = client.get(reverse("articles:news_sitemap"))
    valid_sitemap(news.content)
    assert b"Ministerresigns" in news.content


def test_the_news_sitemap_is_valid_with_no_recent_story(client):
    ArticleFactory(published_at=timezone.now() - timedelta(days=5))
    response = client.get(reverse("articles:news_sitemap"))
    valid_sitemap(response.content)
    assert b"<news:news>" not in response.content


def test_the_site_s_texts_are_entered_per_edition(make_member):
    """The site's name and footer texts have a field for each edition's language."""
    from django.test import Client

    from siteinfo.models import SiteSettings

    client = Client()
    client.force_login(make_member("Site admin"))
    site = SiteSettings.load()
    site.save()
    url = reverse("admin:siteinfo_sitesettings_change", args=[site.pk])
    form = {"name_en": "The Meridian", "name_ar": "ميريديان", "name_fr": "Le Méridien",
            "tagline_en": "", "tagline_ar": "", "tagline_fr": "", "main_address": "",
            "onion_address": "", "alternate_addresses_intro_en": "Also at:",
            "alternate_addresses_intro_ar": "", "alternate_addresses_intro_fr": "",
            "links-TOTAL_FORMS": "0", "links-INITIAL_FORMS": "0", "links-MIN_NUM_FORMS": "0",
            "links-MAX_NUM_FORMS": "1000"}  # fmt: skip
    assert client.post(url, form).status_code == 302
    site = SiteSettings.load()
    assert (site.name_en, site.name_ar, site.name_fr) == ("The Meridian", "ميريديان", "Le Méridien")


@pytest.mark.parametrize("field", ["lead_photo", "authors", "section"])
@pytest.mark.parametrize("value", ["abc", "1e5", "99999999999999999999999", "-1"])
def test_hand_edited_keys_get_a_form_error(editor_client, field, value):
    response = editor_client.post(
        reverse("admin:articles_article_add"), article_form(SectionFactory(), **{field: value})
    )
    assert response.status_code == 200
    assert field in response.context["adminform"].form.errors
    assert not Article.objects.exists()


def headings(html: str) -> list[int]:
    return [int(level) for level in re.findall(r"<h([1-6])[\s>]", html)]


def test_heading_levels_never_skip(client):
    """axe's heading-order: each heading at most one level below the one before it."""
    news = SectionFactory(slug="news", name="News")
    author = AuthorFactory()
    for n in range(3):
        ArticleFactory(section=news, authors=[author], tags=["port"], editors_choice=n == 0)
    for url in ["/", "/news/", "/tags/port/", author.get_absolute_url(), "/corrections/",
                "/search/?q=port", Article.objects.first().get_absolute_url()]:  # fmt: skip
        levels = headings(client.get(url).content.decode())
        assert levels and levels[0] == 1, url
        assert all(b <= a + 1 for a, b in zip(levels, levels[1:], strict=False)), (url, levels)
