"""Where an uncached article page's time goes, in one process, in production settings.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsroom_bench \\
        .venv/bin/python bench/article_cost.py --requests 500

Run after bench/pages.py has seeded the database. Every query is prepared (articles.reading). Prints CPU and wall milliseconds per
request for the whole request (every middleware, page cache off) and for its parts: the
article with its authors, tags and corrections; the related stories; and the page drawn
(related stories, structured data and templates). The page benchmark's cold article is
CPU-bound, so these are what its throughput is made of.
"""

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.serving import django_env  # noqa: E402

os.environ.update(django_env({"PAGE_CACHE_SECONDS": "0"}))

import django  # noqa: E402

django.setup()

from django.contrib.auth.models import AnonymousUser  # noqa: E402
from django.core.handlers.wsgi import WSGIHandler  # noqa: E402
from django.test import RequestFactory  # noqa: E402

from articles import reading  # noqa: E402
from articles.models import Article  # noqa: E402
from articles.views import render_article  # noqa: E402
from siteinfo import chrome  # noqa: E402


def timed(label: str, action: Callable, requests: int) -> None:
    for _ in range(requests // 10):
        action()
    cpu, wall = time.process_time(), time.perf_counter()
    for _ in range(requests):
        action()
    cpu = (time.process_time() - cpu) / requests * 1000
    wall = (time.perf_counter() - wall) / requests * 1000
    print(f"{label:48} {cpu:6.2f} {wall:6.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=500)
    args = parser.parse_args()
    # The article bench/pages.py loads.
    article = Article.objects.live().order_by("-published_at")[10]
    url = article.get_absolute_url()
    handler, factory = WSGIHandler(), RequestFactory(SERVER_NAME="127.0.0.1")

    def whole_request() -> None:
        status = []
        body = handler(factory.get(url).environ, lambda code, headers: status.append(code))
        b"".join(body)
        body.close()
        assert status[0].startswith("200"), status

    request = factory.get(url)
    request.user = AnonymousUser()
    request.site_settings = chrome.site_settings(request)
    shown = reading.live_story(article.slug)
    print(f"{'ms per request':48} {'CPU':>6} {'wall':>6}")
    timed("whole request", whole_request, args.requests)
    timed(
        "article, authors, tags, corrections (4 queries)",
        lambda: reading.live_story(article.slug),
        args.requests,
    )
    timed("related stories (1 or 2 queries)", lambda: shown.related, args.requests)
    timed(
        "page drawn, related stories included",
        lambda: render_article(request, shown),
        args.requests,
    )


if __name__ == "__main__":
    main()
