"""Read API benchmark: an article and a list of 20 under gunicorn as `make serve` runs it.

    .venv/bin/python bench/api.py --articles 1000 --seconds 10 --connections 32

Seeds N articles (load_demo, idempotent), starts gunicorn in production mode, and loads the
bare Django view, /api/v1/articles/<id>, /api/v1/articles?limit=20 and the article page itself,
cached (page cache on) and uncached (PAGE_CACHE_SECONDS=0), each run right after the bare view;
prints medians of requests/s, the share of the bare view's and p50/p99, and the CPU time of
one uncached answer in one process (steady on a loaded machine). Query counts are asserted in
tests/api/test_read_api.py.
The rate limit is lifted for the run (API_RATE_LIMIT), but still counted on every request.
Targets (issue #17): cached >= 90% of bare; uncached API at least as fast as the article page.
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


def targets(env: dict) -> dict[str, str]:
    code = (
        "import django, json; django.setup();"
        "from articles.models import Article;"
        "a = Article.objects.live().filter(language='en').order_by('-published_at')[10];"
        "print(json.dumps({'api article': f'/api/v1/articles/{a.pk}',"
        " 'api list': '/api/v1/articles?limit=20', 'article page': a.get_absolute_url()}))"
    )
    out = subprocess.run([PYTHON, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def cpu_ms(env: dict, urls: dict[str, str], rounds: int) -> dict[str, float]:
    """CPU milliseconds per uncached answer in one process (the bare view too): steady under a
    loaded machine, where requests/s over the network are not."""
    code = (
        "import django, json, sys, time; django.setup();"
        "from django.test import Client; c = Client(SERVER_NAME='127.0.0.1'); out = {};\n"
        "urls = json.loads(sys.argv[1]); rounds = int(sys.argv[2])\n"
        "for name, url in urls.items():\n"
        "    for _ in range(5): c.get(url)\n"
        "    began = time.process_time()\n"
        "    for _ in range(rounds): assert c.get(url).status_code == 200, url\n"
        "    out[name] = (time.process_time() - began) * 1000 / rounds\n"
        "print(json.dumps(out))"
    )
    out = subprocess.run(
        [PYTHON, "-c", code, json.dumps({"bare view": "/bench/bare/", **urls}), str(rounds)],
        cwd=ROOT, env=env | {"PAGE_CACHE_SECONDS": "0"}, capture_output=True, text=True,
    )  # fmt: skip
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", 2)))
    parser.add_argument("--port", type=int, default=8767)
    parser.add_argument("--repeat", type=int, default=3, help="runs per answer; medians shown")
    parser.add_argument("--rounds", type=int, default=200, help="answers timed in one process")
    parser.add_argument("--skip-seed", action="store_true", help="the database is seeded")
    args = parser.parse_args()
    load = wrk if shutil.which("wrk") else python_load
    env = django_env({"API_RATE_LIMIT": str(10**9)})
    if not args.skip_seed:
        manage("migrate", "--noinput", env=env)
        manage("collectstatic", "--noinput", env=env)
        started = time.perf_counter()
        manage("load_demo", "--articles", str(args.articles), env=env)
        print(
            f"seeded {args.articles:,} synthetic articles in {time.perf_counter() - started:.0f} s"
        )
    urls = targets(env)
    print(f"\nuncached, in one process: CPU ms per answer ({args.rounds} answers each)")
    for name, ms in cpu_ms(env, urls, args.rounds).items():
        print(f"{name:<24}{ms:>8.2f} ms")
    print(f"load: {load.__name__}, {args.connections} connections, {args.seconds} s each, "
          f"{args.workers} gunicorn workers, {os.cpu_count()} cores")  # fmt: skip
    samples, ratios = defaultdict(list), defaultdict(list)
    for mode, extra in [("cached", {}), ("uncached", {"PAGE_CACHE_SECONDS": "0"})]:
        server = Server(env | extra, args.port, args.workers)
        try:
            base = f"http://127.0.0.1:{args.port}"
            for url in ["/bench/bare/", *urls.values()]:
                load(f"{base}{url}", 2, 8)
            for _ in range(args.repeat):
                bare = load(f"{base}/bench/bare/", args.seconds, args.connections)
                samples["bare view"].append(bare)
                ratios["bare view"].append(1.0)
                for name, url in urls.items():
                    result = load(f"{base}{url}", args.seconds, args.connections)
                    samples[f"{name} {mode}"].append(result)
                    ratios[f"{name} {mode}"].append(result["rps"] / bare["rps"])
        finally:
            server.stop()
    print(f"\nmedians of {args.repeat} run(s); errors summed")
    print(f"{'answer':<24}{'req/s':>9}{'of bare':>9}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}")
    for label, runs in samples.items():
        rps, p50, p99 = (statistics.median(run[k] for run in runs) for k in ("rps", "p50", "p99"))
        errors, ratio = sum(run["errors"] for run in runs), statistics.median(ratios[label])
        print(f"{label:<24}{rps:>9.0f}{ratio:>9.0%}{p50:>9.1f}{p99:>9.1f}{errors:>8}")


if __name__ == "__main__":
    main()
