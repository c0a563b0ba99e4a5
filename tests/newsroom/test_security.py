"""Security headers, deploy checks, health checks and hostile requests (issue #6)."""

import os
import re
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from django.db import OperationalError
from django.urls import reverse

from tests.factories import ArticleFactory, AuthorFactory, PhotoFactory, SectionFactory

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def story():
    news = SectionFactory(slug="news", name="News")
    return ArticleFactory(
        section=SectionFactory(slug="palestine", name="Palestine", parent=news),
        lead_photo=PhotoFactory(),
        authors=[AuthorFactory(slug="leila")],
        tags=["courts"],
    )


def csp(response) -> dict[str, str]:
    return dict(
        part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";")
    )


def test_public_pages_have_a_strict_policy_and_load_nothing_from_elsewhere(client, story):
    for url in ["/", "/news/", story.get_absolute_url(), "/search/?q=port", "/tags/courts/"]:
        response = client.get(url)
        policy = csp(response)
        assert policy["default-src"] == "'self'"
        assert policy["script-src"] == "'self'"
        assert policy["style-src"] == "'self'"
        assert policy["frame-ancestors"] == "'none'"
        assert "nonce" not in response["Content-Security-Policy"]
        assert "unsafe" not in response["Content-Security-Policy"]
        html = response.content.decode()
        # Every asset is ours: no src or stylesheet pointing at another origin.
        assert not re.search(r'(src|srcset)="(https?:)?//', html), url
        assert not re.search(r'<link rel="(stylesheet|icon|preload)"[^>]+href="(https?:)?//', html)
        # No inline scripts that would run: only JSON-LD data blocks.
        for tag in re.findall(r"<script[^>]*>", html):
            assert 'type="application/ld+json"' in tag, tag
        assert " style=" not in html and "<style" not in html


def test_admin_policy_allows_only_this_responses_nonce(editor_client):
    response = editor_client.get(reverse("admin:articles_article_add"))
    policy = csp(response)
    nonce = re.search(r"'nonce-([^']+)'", policy["script-src"]).group(1)
    html = response.content.decode()
    assert f'<script type="importmap" nonce="{nonce}">' in html
    inline_scripts = re.findall(r"<script(?![^>]*\ssrc=)[^>]*>", html)
    assert inline_scripts and all(f'nonce="{nonce}"' in tag for tag in inline_scripts)


def test_security_headers(client, story):
    response = client.get(story.get_absolute_url(), secure=True)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")
    assert "geolocation=()" in response["Permissions-Policy"]


def test_check_deploy_reports_nothing_under_production_settings(tmp_path):
    """`manage.py check --deploy` is clean with the production settings and real values."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    env |= {
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "DJANGO_SECRET_KEY": "k" * 10 + "Qz8#vN2pL5xR9wT4yU7iO0aS3dF6gH1jK-mB_cV8nX2zE5rT9",
        "DJANGO_ALLOWED_HOSTS": "news.example.org",
        "NEWSROOM_DATA_DIR": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "DEBUG"],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_healthz_answers_200_with_the_database(client):
    response = client.get("/healthz")
    assert (response.status_code, response.content) == (200, b"ok\n")


def test_healthz_answers_503_without_the_database(client):
    with mock.patch("newsroom.views.connection.cursor", side_effect=OperationalError("down")):
        response = client.get("/healthz")
    assert response.status_code == 503


HOSTILE_PATHS = [
    "/%00/",
    "/news/%00/",
    "/news/%FF%FE/",
    "/" + "a/" * 300,
    "/news/palestine/2026/13/45/x/",
    "/news/palestine/99999999999999999999/1/1/x/",
    "/tags/%E2%80%AE/",
    "/authors/..%2F..%2Fetc%2Fpasswd/",
    "/preview/shared/not-a-token/",
    "/preview/shared/%00/",
    "/sitemap-nope.xml",
    "/sitemap-articles.xml?p=99999",
    "/sitemap-articles.xml?p=abc",
    "/feed/?page=%00",
    "/news/feed/?x=" + "y" * 5000,
    "/no-such-section/feed/",
    "/tags/nope/feed/",
    "/corrections/?page=-1",
    "/news/?page=1e9",
    "/search/?page=0&q=port",
    "/search/?q=port&section=%00",
    "/search/?q=port&start=9999-99-99",
    "/search/?q=" + "%F0%9F%90%9F" * 500,
    "/search/?q[]=1&q[]=2",
    "/media/../settings.py",
]


@pytest.mark.parametrize("path", HOSTILE_PATHS)
def test_hostile_requests_get_an_answer_never_a_server_error(client, story, path):
    """Malformed paths, query strings, huge parameters and odd unicode: 2xx/3xx/4xx, never 5xx."""
    response = client.get(path)
    assert response.status_code < 500, (path, response.status_code)


def test_oversized_form_posts_are_refused(client):
    """Bodies over the request size limit get a 400, not a worker stuck parsing them."""
    response = client.post(reverse("admin:login"), {"username": "x" * (3 * 1024 * 1024)})
    assert response.status_code == 400
