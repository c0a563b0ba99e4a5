"""The article page's cost with inline photos and link cards in its body (issue #14).

    .venv/bin/python bench/inline_photos.py [--runs 20]

Builds, in a throwaway SQLite database, a story with no block and one with 20 inline photos
and 20 link cards, then prints for each the queries one uncached page view makes and the median
server time of the views. The query count must be the same whatever the number of blocks.
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
folder = tempfile.mkdtemp(prefix="bench-inline-")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{folder}/db.sqlite3")
os.environ["MEDIA_ROOT"] = f"{folder}/media"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402

from tests.factories import ArticleFactory, PhotoFactory  # noqa: E402


def story(blocks: int):
    photos = [PhotoFactory(alt_text=f"Photo {n}.") for n in range(blocks)]
    others = [ArticleFactory(headline=f"Earlier story {n}") for n in range(blocks)]
    body = "".join(
        f'<p>Paragraph {n}.</p><figure data-photo="{photo.pk}" data-caption="Use {n}"></figure>'
        for n, photo in enumerate(photos)
    ) + "".join(f'<aside data-story="{other.pk}">{other.headline}</aside>' for other in others)
    return ArticleFactory(
        headline=f"Story with {blocks} inline photos", body=body or "<p>Text.</p>"
    )


def measure(client: Client, url: str, runs: int) -> tuple[int, float]:
    client.get(url)  # warm: templates compiled, the generation read
    queries = []
    with connection.execute_wrapper(
        lambda execute, sql, *rest: queries.append(sql) or execute(sql, *rest)
    ):
        response = client.get(url)
    assert response.status_code == 200, response.status_code
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - start) * 1000)
    return len(queries), statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    client = Client()
    print(f"{'inline photos':>14} {'link cards':>11} {'queries':>8} {'median ms':>10}")
    for blocks in (0, 20):
        article = story(blocks)
        with override_settings(PAGE_CACHE_SECONDS=0):  # every view draws the page
            count, median = measure(client, article.get_absolute_url(), args.runs)
        print(f"{blocks:>14} {blocks:>11} {count:>8} {median:>10.1f}")


if __name__ == "__main__":
    main()
