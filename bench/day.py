"""A newsroom's day: readers over a large archive while the desk publishes and edits (issue #19).

    .venv/bin/python bench/day.py --articles 100000 --seconds 120

Seeds N articles into a PostgreSQL database (DAY_DATABASE_URL, by default newsroom_day on
127.0.0.1:5432, created if missing) and serves them as `make serve` does (gunicorn, sync
workers, DEBUG off) with Redis for the page cache (DAY_REDIS_URL, database 3 by default,
emptied first). wrk then reads pages as readers do: most of them the front page, the sections
and the newest hundred stories, a long tail spread over the whole archive. Two runs of
--seconds each: a quiet one, and one in which the desk publishes a story or edits a live one
every --edit-every seconds (through the publishing service, as the admin does). Prints
requests per second, p50 and p99 latency, the page cache's hit rate and errors for both, and
how much of the quiet run's throughput the busy one keeps (target: 70% or more, 0 errors).
"""

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.serving import PYTHON, ROOT, Server, django_env, manage  # noqa: E402

DATABASE_URL = os.environ.get("DAY_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/newsroom_day")
REDIS_URL = os.environ.get("DAY_REDIS_URL", "redis://127.0.0.1:6379/3")


def ensure_database(url: str) -> None:
    """Create the benchmark's database if it does not exist yet."""
    import psycopg

    name = url.rsplit("/", 1)[1]
    server = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(server, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


def reader_paths(env: dict, count: int, seed: int = 7) -> list[str]:
    """The addresses readers visit, in order: 30% front page and sections, 50% the newest
    hundred stories, 20% anywhere in the archive."""
    code = (
        "import django, json; django.setup()\n"
        "from articles.models import Article\n"
        "from articles.sections import sections\n"
        "tree = sections(None)\n"
        "paths = ['/'] + [s.get_absolute_url() for s in tree.in_path_order()]\n"
        "live = Article.objects.live().select_related('section').only('slug', 'published_at', "
        "'section__path').order_by('-published_at', '-pk')\n"
        "newest = [a.get_absolute_url() for a in live[:100]]\n"
        "ids = list(Article.objects.live().values_list('pk', flat=True))\n"
        "print(json.dumps({'listings': paths, 'newest': newest, 'ids': ids}))"
    )
    out = subprocess.run([PYTHON, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    data = json.loads(out.stdout.strip().splitlines()[-1])
    rng = random.Random(seed)
    tail_ids = rng.sample(data["ids"], min(len(data["ids"]), count // 5))
    code = (
        "import django, json, sys; django.setup()\n"
        "from articles.models import Article\n"
        "ids = json.loads(sys.argv[1])\n"
        "rows = Article.objects.filter(pk__in=ids).select_related('section')"
        ".only('slug', 'published_at', 'section__path')\n"
        "print(json.dumps([a.get_absolute_url() for a in rows]))"
    )
    out = subprocess.run(
        [PYTHON, "-c", code, json.dumps(tail_ids)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    tail = json.loads(out.stdout.strip().splitlines()[-1])
    paths = []
    for _ in range(count):
        roll = rng.random()
        if roll < 0.3:
            paths.append(rng.choice(data["listings"]))
        elif roll < 0.8:
            paths.append(rng.choice(data["newest"]))
        else:
            paths.append(rng.choice(tail))
    return paths


def desk(env: dict, every: float, stop: threading.Event, done: list[str]) -> None:
    """Publish a new story or edit a live one every `every` seconds, as an editor would."""
    code = (
        "import django, sys, time, random; django.setup()\n"
        "from django.contrib.auth import get_user_model\n"
        "from articles import services\n"
        "from articles.models import Article, Author\n"
        "from sections.models import Section\n"
        "editor, _ = get_user_model().objects.get_or_create(username='day-editor', "
        "defaults={'is_staff': True})\n"
        "editor.is_superuser = True; editor.save()\n"
        "rng = random.Random(11)\n"
        "n = 0\n"
        "for line in sys.stdin:\n"
        "    n += 1\n"
        "    if n % 2:\n"
        "        story = Article(headline=f'Breaking: desk story {time.time_ns()}',\n"
        "            slug=f'desk-story-{time.time_ns()}', summary='Filed during the day.',\n"
        "            body='<p>New.</p>', section=rng.choice(list(Section.objects.all())))\n"
        "        services.publish(article=story, user=editor)\n"
        "        story.authors.set([Author.objects.order_by('?').first()])\n"
        "        story.tags.set(['desk'])\n"
        "    else:\n"
        "        story = Article.objects.live().order_by('-published_at')[rng.randrange(20)]\n"
        "        story.headline = f'Updated: {story.headline[:150]}'\n"
        "        services.save(article=story, user=editor)\n"
        "    print('publish' if n % 2 else 'edit', flush=True)\n"
    )
    process = subprocess.Popen(
        [PYTHON, "-c", code], cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    try:
        while not stop.wait(every):
            process.stdin.write("go\n")
            process.stdin.flush()
            done.append(process.stdout.readline().strip())
    finally:
        process.stdin.close()
        process.wait(timeout=30)


def read_load(
    base: str, urls_file: Path, seconds: int, connections: int, gzip: bool = False
) -> dict:
    """wrk with bench/readers.lua: the addresses in urls_file, in turn, for `seconds`."""
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "-s",
         str(Path(__file__).with_name("readers.lua")), base],
        capture_output=True, text=True,
        env={**os.environ, "BENCH_URLS": str(urls_file), "BENCH_GZIP": "1" if gzip else "0"},
    )  # fmt: skip
    match = re.search(r"READERS_JSON (\{.*\})", out.stdout)
    if not match:
        raise RuntimeError(f"wrk gave no result:\n{out.stdout[-2000:]}\n{out.stderr[-2000:]}")
    return json.loads(match.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--seconds", type=int, default=120, help="length of each run")
    parser.add_argument("--edit-every", type=float, default=30.0)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, default=8767)
    args = parser.parse_args()
    ensure_database(DATABASE_URL)
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()
    env = django_env({"DATABASE_URL": DATABASE_URL, "REDIS_URL": REDIS_URL,
                      "PAGE_CACHE_DEBUG_HEADER": "1"})  # fmt: skip
    manage("migrate", "--noinput", env=env)
    manage("collectstatic", "--noinput", env=env)
    started = time.perf_counter()
    manage("load_demo", "--articles", str(args.articles), env=env)
    print(f"{args.articles:,} articles ready in {time.perf_counter() - started:.0f} s")
    urls_file = Path(tempfile.mkstemp(prefix="day-urls-", suffix=".txt")[1])
    urls_file.write_text("\n".join(reader_paths(env, 100_000)) + "\n")
    server = Server(env, args.port, args.workers)
    base = f"http://127.0.0.1:{args.port}"
    results = {}
    try:
        read_load(base, urls_file, 10, args.connections)  # warm the workers and the cache
        results["quiet"] = read_load(base, urls_file, args.seconds, args.connections)
        stop, done = threading.Event(), []
        editor = threading.Thread(target=desk, args=(env, args.edit_every, stop, done))
        editor.start()
        try:
            results["busy"] = read_load(base, urls_file, args.seconds, args.connections)
        finally:
            stop.set()
            editor.join()
    finally:
        server.stop()
        urls_file.unlink()
    print(f"\n{args.articles:,} articles on PostgreSQL, Redis page cache, {args.workers} sync "
          f"workers, wrk {args.connections} connections, {args.seconds} s per run; the busy run "
          f"made {len(done)} changes ({', '.join(sorted(set(done)))}), one every "
          f"{args.edit_every:.0f} s")  # fmt: skip
    print(f"{'run':<8}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'hit rate':>10}{'errors':>8}"
          f"{'non-2xx/3xx':>13}")  # fmt: skip
    for name, result in results.items():
        rps = result["requests"] / result["seconds"]
        cached = result["hits"] + result["misses"]
        rate = result["hits"] / cached if cached else 0
        bad = sum(n for code, n in result["statuses"].items() if not 200 <= int(code) < 400)
        print(f"{name:<8}{rps:>9.0f}{result['p50_ms']:>9.1f}{result['p99_ms']:>9.1f}"
              f"{rate:>10.1%}{result['errors']:>8}{bad:>13}")  # fmt: skip
    quiet, busy = (r["requests"] / r["seconds"] for r in (results["quiet"], results["busy"]))
    print(f"\nthe busy day keeps {busy / quiet:.0%} of the quiet day's throughput (target: 70%)")


if __name__ == "__main__":
    main()
