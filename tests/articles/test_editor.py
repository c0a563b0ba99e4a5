"""The writing desk's editor: the body's blocks in the rich-text editor, the story chooser for
link cards, and the admin's content security policy (issue #14)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

from articles.models import Article
from tests.factories import ArticleFactory, PhotoFactory

pytestmark = pytest.mark.django_db

CHOOSER = "admin:articles_article_chooser"


def editor_config(html: str) -> dict:
    start = html.index("data-django-prose-editor-configurable=") + len(
        "data-django-prose-editor-configurable="
    )
    quote = html[start]
    raw = html[start + 1 : html.index(quote, start + 1)]
    return json.loads(raw.replace("&quot;", '"').replace("&amp;", "&"))


def test_the_body_editor_offers_every_block_of_the_body(editor_client):
    """The editor loads our blocks module (from our own static files) and every block the
    sanitizer keeps has its extension turned on."""
    html = editor_client.get(reverse("admin:articles_article_add")).content.decode()
    config = editor_config(html)
    assert config["js_modules"] == ["/static/newsroom_admin/blocks.js"]
    for name in [
        "InlinePhoto", "PullQuote", "FactBox", "StoryCard", "Embed", "HorizontalRule",
        "Table", "TableRow", "TableHeader", "TableCell",
    ]:  # fmt: skip
        assert config["extensions"][name] is True, name
    assert {"group": "blocks"} in config["extensions"]["Menu"]["groups"]
    # The choosers' addresses, for the blocks module.
    assert f'data-photos-url="{reverse("admin:media_photo_chooser")}"' in html
    assert f'data-photo-upload-url="{reverse("admin:media_photo_chooser_upload")}"' in html
    assert f'data-stories-url="{reverse(CHOOSER)}"' in html


def test_the_story_chooser_finds_stories_by_headline_with_their_status(editor_client):
    """Link cards are chosen by search; each story shows the status the desk sees, and the
    story being edited is left out."""
    storm = ArticleFactory(headline="Storm closes the port")
    draft = ArticleFactory(headline="Storm damage: the cost", status=Article.Status.DRAFT)
    ArticleFactory(headline="Election results")
    found = editor_client.get(reverse(CHOOSER), {"q": "storm", "exclude": draft.pk}).json()
    assert found["results"] == [
        {"id": storm.pk, "headline": "Storm closes the port", "status": "Published"}
    ]
    both = editor_client.get(reverse(CHOOSER), {"q": "storm"}).json()["results"]
    assert {(item["headline"], item["status"]) for item in both} == {
        ("Storm closes the port", "Published"),
        ("Storm damage: the cost", "Draft"),
    }


def test_the_story_chooser_is_for_staff_only(client, django_user_model):
    ArticleFactory(headline="Embargoed budget", status=Article.Status.DRAFT)
    response = client.get(reverse(CHOOSER), {"q": "budget"})
    assert response.status_code == 302 and "/login/" in response["Location"]
    client.force_login(django_user_model.objects.create_user("x", password="pw", is_staff=True))
    assert client.get(reverse(CHOOSER), {"q": "budget"}).status_code == 403


def test_every_block_the_editor_writes_is_kept_as_written(editor_client):
    """The markup the editor's nodes write (static/newsroom_admin/blocks.js) passes the
    sanitizer unchanged, so saving, reopening and saving again changes nothing."""
    photo = PhotoFactory()
    other = ArticleFactory(headline="Earlier story")
    body = (
        f'<p>Intro.</p><figure data-photo="{photo.pk}" data-caption="Our &amp; their caption"'
        ' data-alt="Boats at dawn"></figure>'
        '<figure class="pull-quote"><blockquote><p>We were told nothing.</p></blockquote>'
        "<figcaption>A fisherman</figcaption></figure>"
        '<aside class="fact-box"><h2>What we know</h2><ul><li><p>Three boats</p></li></ul></aside>'
        f'<hr><aside data-story="{other.pk}">Earlier story</aside>'
        '<aside data-embed="https://video.example.org/watch?v=1&amp;t=2">Video</aside>'
        '<table><tbody><tr><th colspan="1" rowspan="1"><p>Year</p></th></tr>'
        '<tr><td colspan="1" rowspan="1"><p>2026</p></td></tr></tbody></table>'
    )
    article = ArticleFactory(body=body, status=Article.Status.DRAFT)
    assert article.body_html == body
    page = editor_client.get(reverse("admin:articles_article_change", args=[article.pk]))
    assert "Our &amp;amp; their caption" in page.content.decode()  # the textarea, escaped once


def test_the_admin_allows_thumbnails_from_the_photo_store_and_nothing_else_from_elsewhere():
    """With photos on S3 the admin's policy allows the store's address for images, and no other
    host for anything."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "AWS_"))} | {
        "DJANGO_SECRET_KEY": "s" * 50,
        "DJANGO_ALLOWED_HOSTS": "news.example.org",
        "MEDIA_STORAGE": "s3",
        "AWS_STORAGE_BUCKET_NAME": "newsroom-media",
        "AWS_S3_CUSTOM_DOMAIN": "media.example.org",
    }
    code = "import json, newsroom.settings as s; print(json.dumps(s.ADMIN_CSP))"
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=Path(__file__).resolve().parents[2], env=env, capture_output=True, text=True,
    )  # fmt: skip
    policy = json.loads(result.stdout)
    assert policy["img-src"] == ["'self'", "data:", "blob:", "https://media.example.org"]
    for directive, sources in policy.items():
        if directive != "img-src":
            assert not any("://" in source for source in sources), directive


def test_the_article_form_s_policy_names_no_other_host(editor_client):
    response = editor_client.get(reverse("admin:articles_article_add"))
    policy = response["Content-Security-Policy"]
    assert "script-src 'self' 'nonce-" in policy
    assert "http" not in policy
