import re

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from media.models import Photo
from tests.factories import ArticleFactory, AuthorFactory, PhotoFactory, SectionFactory
from tests.images import uploaded_jpeg

pytestmark = pytest.mark.django_db


def article_form(filed_under, **overrides) -> dict:
    now = timezone.localtime()
    data = {
        "headline": "Storm closes port",
        "slug": "storm-closes-port",
        "summary": "Ships were turned away.",
        "body": "<p>The port <strong>closed</strong> at noon.</p><script>x()</script>",
        "section": filed_under.pk,
        "tags": "weather, ports",
        "authors": [],
        "lead_photo": "",
        "lead_photo_caption": "",
        "language": "en",
        "status": "published",
        "published_at_0": now.strftime("%Y-%m-%d"),
        "published_at_1": now.strftime("%H:%M:%S"),
        **inline_management_form(),
    }
    return data | overrides


def inline_management_form(prefix: str = "corrections", total: int = 0, initial: int = 0) -> dict:
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


@pytest.mark.parametrize(
    "url",
    [
        reverse("admin:articles_article_add"),
        reverse("admin:articles_article_changelist"),
        reverse("admin:articles_author_add"),
        reverse("admin:sections_section_add"),
        reverse("admin:sections_section_changelist"),
        reverse("admin:media_photo_add"),
        reverse("admin:media_photo_changelist"),
    ],
)
def test_admin_pages_load_for_an_editor(editor_client, url):
    """Every page an editor works in opens without error."""
    response = editor_client.get(url)
    assert response.status_code == 200
    assert b'id="content"' in response.content


def test_article_form_uses_editor_labels_and_rich_text(editor_client):
    """The form speaks the newsroom's language and the body is a rich-text editor."""
    html = editor_client.get(reverse("admin:articles_article_add")).content.decode()
    for label in [
        "Headline", "Slug", "Summary", "Body", "Section", "Tags", "Lead photo", "Caption",
        "Authors", "Status", "Publish time", "Editor&#x27;s Choice",
    ]:  # fmt: skip
        assert re.search(f">{label}:?</(label|legend)>", html), label
    assert "data-django-prose-editor-configurable" in html
    assert "django_prose_editor/editor.js" in html
    assert "//cdn" not in html


def test_article_change_form_shows_lead_photo_thumbnail(editor_client):
    article = ArticleFactory(lead_photo=PhotoFactory())
    html = editor_client.get(reverse("admin:articles_article_change", args=[article.pk])).content
    assert article.lead_photo.url("card").encode() in html
    assert article.lead_photo.image.url.encode() not in html


def test_editor_creates_an_article_through_the_admin(editor_client):
    """A story posted through the form is stored sanitized, tagged and readable by readers."""
    section = SectionFactory(slug="world", name="World")
    author = AuthorFactory()
    response = editor_client.post(
        reverse("admin:articles_article_add"), article_form(section, authors=[author.pk])
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    article = Article.objects.get(slug="storm-closes-port")
    assert article.body_html == "<p>The port <strong>closed</strong> at noon.</p>"
    assert sorted(article.tags.names()) == ["ports", "weather"]
    assert list(article.authors.all()) == [author]
    page = editor_client.get(article.get_absolute_url())
    assert page.status_code == 200
    assert b"Storm closes port" in page.content


def test_invalid_article_is_refused_with_a_form_error_and_nothing_saved(editor_client):
    """A missing headline and section give form errors; no half-saved article appears."""
    section = SectionFactory()
    response = editor_client.post(
        reverse("admin:articles_article_add"), article_form(section, headline="", section="")
    )
    assert response.status_code == 200
    assert b"This field is required." in response.content
    assert not Article.objects.exists()


def test_duplicate_slug_is_a_form_error(editor_client):
    section = SectionFactory()
    ArticleFactory(slug="storm-closes-port")
    response = editor_client.post(reverse("admin:articles_article_add"), article_form(section))
    assert response.status_code == 200
    assert b"Article with this Slug already exists." in response.content


def test_summary_over_400_characters_is_a_form_error_that_keeps_the_text(editor_client):
    """A summary too long for cards and feeds is refused, with everything typed kept."""
    section = SectionFactory()
    url = reverse("admin:articles_article_add")
    response = editor_client.post(url, article_form(section, summary="a" * 401))
    assert response.status_code == 200
    assert b"Ensure this value has at most 400 characters (it has 401)." in response.content
    assert b'value="Storm closes port"' in response.content
    assert not Article.objects.exists()
    editor_client.post(url, article_form(section, summary="a" * 400))
    assert Article.objects.get().summary == "a" * 400


def test_an_oversized_article_form_gets_the_sites_400_page(editor_client):
    """A post over the size limit is refused with a page saying what to do, and saves nothing."""
    body = "<p>" + "x" * (3 * 1024 * 1024) + "</p>"
    response = editor_client.post(
        reverse("admin:articles_article_add"), article_form(SectionFactory(), body=body)
    )
    assert response.status_code == 400
    assert b"We could not accept that request" in response.content
    assert b"Back button" in response.content
    assert not Article.objects.exists()


def test_change_list_does_not_query_per_row(editor_client):
    """Fifty rows with sections and photos cost the same queries as one."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = reverse("admin:articles_article_changelist")
    photo = PhotoFactory()
    ArticleFactory(lead_photo=photo)
    editor_client.get(url)  # first request of the session
    with CaptureQueriesContext(connection) as one_row:
        editor_client.get(url)
    for _ in range(49):
        ArticleFactory(lead_photo=photo)
    editor_client.get(url)  # the site's settings are read again once after content changes
    with CaptureQueriesContext(connection) as fifty_rows:
        response = editor_client.get(url)
    assert response.content.count(b'<td class="field-section') == 50
    assert len(fifty_rows) == len(one_row)


def test_view_on_site_goes_to_preview_for_drafts(editor_client):
    """'View on site' shows readers' page when live and the staff preview otherwise."""
    draft = ArticleFactory(status=Article.Status.DRAFT)
    live = ArticleFactory()
    draft_page = editor_client.get(reverse("admin:articles_article_change", args=[draft.pk]))
    live_page = editor_client.get(reverse("admin:articles_article_change", args=[live.pk]))
    assert draft.get_preview_url().encode() in draft_page.content
    assert live.get_absolute_url().encode() in live_page.content


def test_editor_uploads_a_photo_through_the_admin(editor_client):
    """A photo upload stores the file under a generated name with its size."""
    response = editor_client.post(
        reverse("admin:media_photo_add"),
        {
            "image": uploaded_jpeg("Reporter Home GPS 2026.jpg", 300, 200),
            "caption": "Rescue teams at work.",
            "credit": "Staff photographer",
            "alt_text": "Rescue workers lift rubble.",
        },
    )
    assert response.status_code == 302
    photo = Photo.objects.get()
    assert (photo.width, photo.height) == (300, 200)
    assert "Reporter" not in photo.image.name
    assert photo.image.storage.exists(photo.image.name)


def test_photo_without_alt_text_is_kept_but_cannot_go_out(editor_client):
    """An agency photo may arrive without alt text: the library keeps it, and a story using it
    cannot be published until someone describes it (articles.checks)."""
    response = editor_client.post(
        reverse("admin:media_photo_add"),
        {"image": uploaded_jpeg(), "caption": "c", "credit": "", "alt_text": ""},
    )
    assert response.status_code == 302
    photo = Photo.objects.get()
    assert photo.alt_text == ""


def test_photo_autocomplete_searches_captions(editor_client):
    """Editors find a lead photo by typing part of its caption."""
    PhotoFactory(caption="Harbour at dawn", alt_text="Boats.")
    PhotoFactory(caption="Parliament chamber", alt_text="Members voting.")
    response = editor_client.get(
        reverse("admin:autocomplete"),
        {
            "term": "harbour",
            "app_label": "articles",
            "model_name": "article",
            "field_name": "lead_photo",
        },
    )
    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == ["Harbour at dawn"]


def test_section_change_list_shows_the_tree_in_order(editor_client):
    news = SectionFactory(slug="news", name="News")
    SectionFactory(slug="palestine", name="Palestine", parent=news)
    SectionFactory(slug="business", name="Business")
    html = editor_client.get(reverse("admin:sections_section_changelist")).content.decode()
    assert html.index("Business") < html.index(">News<") < html.index("— Palestine")


def test_article_search_finds_headlines_and_summaries(editor_client):
    ArticleFactory(headline="Harbour reopens after storm", summary="Ships return.")
    ArticleFactory(headline="Budget vote delayed", summary="The harbour fund is cut.")
    ArticleFactory(headline="Election results", summary="Counting continues.")
    url = reverse("admin:articles_article_changelist")
    html = editor_client.get(url, {"q": "harbour"}).content.decode()
    assert "Harbour reopens after storm" in html and "Budget vote delayed" in html
    assert "Election results" not in html


def test_change_list_pages_deep_into_the_archive(editor_client):
    for _ in range(3):
        ArticleFactory()
    url = reverse("admin:articles_article_changelist")
    from articles.admin import ArticleAdmin

    original, ArticleAdmin.list_per_page = ArticleAdmin.list_per_page, 2
    try:
        response = editor_client.get(url, {"p": 2})
    finally:
        ArticleAdmin.list_per_page = original
    assert response.content.count(b'<td class="field-section') == 1
