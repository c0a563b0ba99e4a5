"""The reference article from a real news site, published through Newsroom as an editor would."""

from pathlib import Path

import pytest
from django.urls import reverse
from django.utils.html import escape
from pytest_django.asserts import assertInHTML

from tests.articles.test_admin import inline_management_form
from tests.factories import PhotoFactory, SectionFactory

REFERENCE = (
    Path(__file__).resolve().parents[3] / "shared" / "reference" / "000_257762c8f06951bd.txt"
)

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not REFERENCE.exists(), reason=f"reference article not found at {REFERENCE}"
    ),
]


def parse_reference() -> dict:
    lines = [
        line.strip() for line in REFERENCE.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    footer = next(i for i, line in enumerate(lines) if "alternate addresses" in line)
    return {"headline": lines[1], "caption": lines[2], "paragraphs": lines[3:footer]}


def test_reference_article_published_through_the_admin_reads_as_on_the_original(
    editor_client, client
):
    """Headline, file-photo caption, every paragraph with its quotes, and the breadcrumb survive."""
    ref = parse_reference()
    news = SectionFactory(slug="news", name="News")
    palestine = SectionFactory(slug="palestine", name="Palestine", parent=news)
    photo = PhotoFactory(caption="", alt_text="An office building")
    body = "".join(f"<p>{escape(p)}</p>" for p in ref["paragraphs"])
    response = editor_client.post(
        reverse("admin:articles_article_add"),
        {
            "headline": ref["headline"], "slug": "israeli-court-rejects-amnesty-bid",
            "summary": ref["paragraphs"][0], "body": body, "section": palestine.pk,
            "tags": "NSO Group, Amnesty International, Pegasus, spyware, surveillance",
            "lead_photo": photo.pk, "lead_photo_caption": ref["caption"], "status": "published", "language": "en",
            "published_at_0": "2020-07-13", "published_at_1": "10:00:00", "editors_choice": "on",
            **inline_management_form(),
        },
    )  # fmt: skip
    assert response.status_code == 302
    from articles.models import Article

    article = Article.objects.get(slug="israeli-court-rejects-amnesty-bid")
    html = client.get(article.get_absolute_url()).content.decode()
    assertInHTML(f'<h1 class="article__headline">{escape(ref["headline"])}</h1>', html)
    assertInHTML(
        f'<figcaption>{escape(ref["caption"])} <span class="figure__credit">{photo.credit}</span></figcaption>',
        html,
    )
    for paragraph in ref["paragraphs"]:
        assertInHTML(f"<p>{escape(paragraph)}</p>", html)
    assert "\u201cdisgraceful,\u201d" in html
    assertInHTML(
        '<ol><li><a href="/">Home</a></li><li><a href="/news/">News</a></li>'
        '<li><a href="/news/palestine/">Palestine</a></li></ol>',
        html,
    )
    assert '<a href="/tags/nso-group/" rel="tag">NSO Group</a>' in html
