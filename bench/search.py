"""Search benchmark: one-word queries over N published articles, timed through the real view.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsroom_bench \\
        .venv/bin/python bench/search.py --articles 100000 --queries 300

Seeds the database with `load_demo --articles N` (idempotent: a second run reuses the rows),
then requests /search/?q=WORD for words drawn from the synthetic vocabulary and prints
server-side latency percentiles. Target (issue #5): p50 under 50 ms at 100,000 articles on
PostgreSQL.
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings_test")
os.environ.setdefault("MEDIA_ROOT", tempfile.mkdtemp(prefix="bench-search-"))
# Words repeat among the queries: time the search, not the page cache.
os.environ["PAGE_CACHE_SECONDS"] = "0"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from articles.models import Article  # noqa: E402
from demo import synthetic  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=300)
    args = parser.parse_args()

    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    call_command("load_demo", articles=args.articles, verbosity=0)
    print(f"seed: {time.perf_counter() - start:.1f} s ({connection.vendor})")
    total = Article.objects.live().count()
    words = sorted(
        {word.lower() for phrase in synthetic.PLACES + synthetic.ACTORS + synthetic.SUBJECTS
         for word in phrase.split() if len(word) > 3 and "'" not in word}
    )  # fmt: skip
    rng = random.Random(1)
    client = Client()
    client.get("/search/", {"q": words[0]})  # warm connection and templates
    timings, queries = [], []
    for _ in range(args.queries):
        word = rng.choice(words)
        with CaptureQueriesContext(connection) as captured:
            began = time.perf_counter()
            response = client.get("/search/", {"q": word})
            timings.append((time.perf_counter() - began) * 1000)
        assert response.status_code == 200
        queries.append(len(captured))
    timings.sort()

    def pct(p: float) -> float:
        return timings[min(len(timings) - 1, int(len(timings) * p))]

    print(f"{total:,} published articles, {args.queries} one-word queries over {len(words)} words")
    print(
        f"search page latency: p50 {statistics.median(timings):.1f} ms, p95 {pct(0.95):.1f} ms, "
        f"p99 {pct(0.99):.1f} ms, max {timings[-1]:.1f} ms; {max(queries)} SQL queries per page"
    )


if __name__ == "__main__":
    main()
