"""Page benchmark: the site under gunicorn in production mode, loaded from a second process.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsroom_bench \\
        .venv/bin/python bench/pages.py --articles 100000 --seconds 10 --connections 64

Seeds N articles (load_demo, idempotent), starts gunicorn (DEBUG off, WEB_CONCURRENCY
workers), and for the home, a section and an article page, cold (page cache off) and warm,
prints requests/s, p50 and p99 latency, errors, SQL queries and bytes per page, each as a
ratio to a bare Django view returning a fixed 40 KB page on the same server, and the
workers' resident memory. Each page is loaded --repeat times, after the bare view each time;
the medians are printed. Uses wrk when installed, else a small Python load generator.
Targets (issue #7): warm >= 85% of bare, cold article >= 10%, no errors at 64 connections,
workers under 150 MB.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.serving import PYTHON, ROOT, Server, django_env, manage, python_load, wrk  # noqa: E402


def pages(env: dict) -> dict[str, str]:
    code = (
        "import django, json; django.setup();"
        "from articles.models import Article;"
        "a = Article.objects.live().order_by('-published_at')[10];"
        "print(json.dumps({'home': '/', 'section': a.section.get_absolute_url(),"
        " 'article': a.get_absolute_url()}))"
    )
    out = subprocess.run([PYTHON, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def queries_and_bytes(env: dict, urls: dict[str, str]) -> dict[str, tuple[int, int]]:
    code = (
        "import django, json, sys; django.setup();"
        "from django.core.cache import cache; from django.db import connection;"
        "from django.test import Client; from django.test.utils import CaptureQueriesContext;"
        "c = Client(SERVER_NAME='127.0.0.1'); out = {};\n"
        "for name, url in json.loads(sys.argv[1]).items():\n"
        "    cache.clear(); c.get(url); cache.clear()\n"
        "    with CaptureQueriesContext(connection) as q: r = c.get(url)\n"
        "    out[name] = (len(q), len(r.content))\n"
        "print(json.dumps(out))"
    )
    out = subprocess.run(
        [PYTHON, "-c", code, json.dumps(urls)], cwd=ROOT, env=env, capture_output=True, text=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", 2)))
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--pages", default="home,section,article", help="which pages to load")
    parser.add_argument("--modes", default="warm,cold", help="warm (page cache on), cold or both")
    parser.add_argument("--repeat", type=int, default=3, help="runs per page; medians are shown")
    args = parser.parse_args()
    load = wrk if shutil.which("wrk") else python_load
    env = django_env({})
    manage("migrate", "--noinput", env=env)
    manage("collectstatic", "--noinput", env=env)
    started = time.perf_counter()
    manage("load_demo", "--articles", str(args.articles), env=env | {"DJANGO_DEBUG": "0"})
    print(f"seeded {args.articles:,} synthetic articles in {time.perf_counter() - started:.0f} s")
    urls = {name: url for name, url in pages(env).items() if name in args.pages.split(",")}
    costs = queries_and_bytes(env, urls)
    print(f"load: {load.__name__}, {args.connections} connections, {args.seconds} s each, "
          f"{args.workers} gunicorn workers, {os.cpu_count()} cores")  # fmt: skip
    samples, ratios = defaultdict(list), defaultdict(list)
    for mode, extra in [("warm", {}), ("cold", {"PAGE_CACHE_SECONDS": "0"})]:
        if mode not in args.modes.split(","):
            continue
        server = Server(django_env(extra), args.port, args.workers)
        try:
            base = f"http://127.0.0.1:{args.port}"
            for url in ["/bench/bare/", *urls.values()]:
                load(f"{base}{url}", 2, 8)  # warm the cache and the workers
            # Each page is compared with the bare view measured just before it: the machine's
            # speed drifts between runs by more than the differences measured.
            for _ in range(args.repeat):
                bare = load(f"{base}/bench/bare/", args.seconds, args.connections)
                samples["bare"].append(bare)
                ratios["bare"].append(1.0)
                for name, url in urls.items():
                    result = load(f"{base}{url}", args.seconds, args.connections)
                    samples[f"{name} {mode}"].append(result)
                    ratios[f"{name} {mode}"].append(result["rps"] / bare["rps"])
            rss = server.worker_rss_mb()
        finally:
            server.stop()
        print(f"{mode}: worker memory {', '.join(f'{mb:.0f} MB' for mb in rss)}")
    print(f"\nmedians of {args.repeat} run(s); errors summed")
    print(f"{'page':<16}{'req/s':>9}{'of bare':>9}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}"
          f"{'SQL':>6}{'KB':>7}")  # fmt: skip
    for label, runs in samples.items():
        sql, size = costs.get(label.split()[0], (0, 40 * 1024))
        rps, p50, p99 = (
            statistics.median(run[key] for run in runs) for key in ("rps", "p50", "p99")
        )
        errors, ratio = sum(run["errors"] for run in runs), statistics.median(ratios[label])
        print(f"{label:<16}{rps:>9.0f}{ratio:>9.0%}{p50:>9.1f}{p99:>9.1f}{errors:>8}{sql:>6}"
              f"{size / 1024:>7.1f}")  # fmt: skip


if __name__ == "__main__":
    main()
