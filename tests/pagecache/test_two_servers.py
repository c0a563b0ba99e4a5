"""Two app servers sharing one PostgreSQL and one Redis: a story published through one is on
the other's pages at the next request (issue #7). Runs where both services answer locally."""

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher, make_password
from django.contrib.auth.models import Group
from django.db import connection
from django.utils import timezone

from tests.factories import SectionFactory

ROOT = Path(__file__).resolve().parents[2]


def answers(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
    except OSError:
        return False
    return True


pytestmark = pytest.mark.django_db(transaction=True)


class InsecureCookiesToo(http.cookiejar.DefaultCookiePolicy):
    """Production cookies are Secure; these servers speak plain HTTP on loopback."""

    def return_ok_secure(self, cookie, request):
        return True

    def set_ok(self, cookie, request):
        cookie.secure = False
        return super().set_ok(cookie, request)


def start_server(port: int, env: dict) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "newsroom.wsgi", "--bind", f"127.0.0.1:{port}",
         "--workers", "1", "--log-level", "warning"],
        cwd=ROOT, env=env, start_new_session=True,
    )  # fmt: skip
    for _ in range(100):
        if answers(port):
            return process
        time.sleep(0.1)
    process.kill()
    raise RuntimeError(f"server on {port} did not start")


def test_a_story_published_through_one_server_shows_on_the_other(
    tmp_path, django_user_model, redis_url
):
    if connection.vendor != "postgresql":
        pytest.skip("needs the suite on PostgreSQL (DATABASE_URL=postgres://...)")
    from accounts.roles import sync_roles

    sync_roles()  # earlier live-server tests empty the database, roles included
    section = SectionFactory(slug="news", name="News")
    editor = django_user_model.objects.create_user("editor", is_staff=True)
    # The servers run production settings, which do not accept the suite's fast test hasher.
    editor.password = make_password("pass for tests", hasher=PBKDF2PasswordHasher())
    editor.save()
    editor.groups.add(Group.objects.get(name="Editor"))
    db = connection.settings_dict
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")} | {
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "DJANGO_SECRET_KEY": "two-servers-" + "s" * 50,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "REDIS_URL": redis_url,
        "MEDIA_ROOT": str(tmp_path),
        "STATIC_ROOT": str(tmp_path / "static"),
        "TWO_FACTOR_REQUIRED": "0",
        "PAGE_CACHE_DEBUG_HEADER": "1",
    }
    import redis

    redis.Redis.from_url(env["REDIS_URL"]).flushdb()
    # Production settings serve hashed static files, which need collectstatic first.
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        cwd=ROOT, env=env, check=True,
    )  # fmt: skip
    first, second = 8791, 8792
    servers = [start_server(first, env), start_server(second, env)]
    try:
        reader = urllib.request.build_opener()
        front_page = f"http://127.0.0.1:{second}/"  # the front page: /news/ is empty, so 404
        first_view = reader.open(front_page)
        cached = reader.open(front_page)
        assert (first_view.headers["X-Page-Cache"], cached.headers["X-Page-Cache"]) == (
            "miss",
            "hit",
        )

        # An editor publishes through the first server's admin.
        jar = http.cookiejar.CookieJar(policy=InsecureCookiesToo())
        desk = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        base = f"http://127.0.0.1:{first}"

        def post(path: str, fields: dict) -> str:
            page = desk.open(base + path).read().decode()
            token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
            body = urllib.parse.urlencode({"csrfmiddlewaretoken": token, **fields}, doseq=True)
            response = desk.open(base + path, body.encode())
            errors = re.findall(r'class="errornote">\s*([^<]+)', response.read().decode())
            return response.geturl(), errors

        signed_in = post(
            "/admin/login/?next=/admin/", {"username": "editor", "password": "pass for tests"}
        )
        assert signed_in == (f"{base}/admin/", [])
        now = timezone.localtime()
        landed = post(
            "/admin/articles/article/add/",
            {
                "headline": "Published on one server", "slug": "published-on-one-server",
                "summary": "Seen on the other.", "body": "<p>Body.</p>", "section": section.pk,
                "tags": "servers", "lead_photo_caption": "", "status": "published", "language": "en",
                "published_at_0": now.strftime("%Y-%m-%d"), "published_at_1": now.strftime("%H:%M:%S"),
                "corrections-TOTAL_FORMS": "0", "corrections-INITIAL_FORMS": "0",
                "corrections-MIN_NUM_FORMS": "0", "corrections-MAX_NUM_FORMS": "1000",
            },
        )  # fmt: skip
        assert landed == (f"{base}/admin/articles/article/", []), landed

        fresh = reader.open(front_page)
        assert fresh.headers["X-Page-Cache"] == "miss"
        assert "Published on one server" in fresh.read().decode()
    finally:
        for server in servers:
            os.killpg(server.pid, 15)
            server.wait(timeout=10)
