"""Admin benchmark: the article change list, its filters, search and deep pages, server time.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsroom_bench \\
        .venv/bin/python bench/admin.py --articles 100000

Seeds with load_demo (idempotent), signs in an Editor and prints the median of five requests
per page through the real admin views. Target (issue #7): each under 300 ms on PostgreSQL.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings_test")
os.environ.setdefault("MEDIA_ROOT", tempfile.mkdtemp(prefix="bench-admin-"))

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

from sections.models import Section  # noqa: E402

PAGES = [
    "/admin/articles/article/",
    "/admin/articles/article/?status=published",
    "/admin/articles/article/?status=scheduled",
    "/admin/articles/article/?section__id__exact={section}",
    "/admin/articles/article/?published_at__year={year}",
    "/admin/articles/article/?q=harbour",
    "/admin/articles/article/?p=500",
    "/admin/articles/articleinreview/",
    "/admin/media/photo/",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    call_command("load_demo", articles=args.articles, verbosity=0)
    user, _ = get_user_model().objects.get_or_create(
        username="bench-desk", defaults={"is_staff": True}
    )
    user.groups.set([Group.objects.get(name="Editor")])
    client = Client()
    client.force_login(user)
    section = Section.objects.order_by("path").first().pk
    for template in PAGES:
        url = template.format(section=section, year=time.localtime().tm_year)
        timings = []
        for _ in range(5):
            began = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - began) * 1000)
        assert response.status_code == 200, url
        print(f"{url:<58}{statistics.median(timings):8.1f} ms")


if __name__ == "__main__":
    main()
