"""Readers under load while Redis, then PostgreSQL, stop and start again (issue #21).

    .venv/bin/python bench/faults.py

Starts its own Redis and PostgreSQL (a temporary cluster, as the fault tests do), loads the
demo site, serves it as `make serve` does (gunicorn, 2 sync workers) and reads it from
--readers connections: most requests for pages already kept (the front page, sections, the
newest 200 stories), the rest for older stories never drawn before. Redis is stopped for 20 s,
then PostgreSQL for 20 s. Prints, second by second, requests per second, the status codes
and the p99 latency, and checks the targets: no 500 at any time, 200s while Redis is down,
cached pages 200 and the rest 503 while PostgreSQL is down, full speed again within 5 s of
each service's return.
"""

import argparse
import random
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.faults.services import PostgresCluster, RedisServer, Site  # noqa: E402

TIMELINE = [  # (from second, what happens)
    (10, "redis down"),
    (30, "redis back"),
    (45, "postgres down"),
    (65, "postgres back"),
]


def addresses(site: Site) -> tuple[list[str], list[str]]:
    """Pages to keep in the cache, and older stories nobody has asked for yet."""
    out = site.manage("shell", "-c", (
        "from articles.models import Article\n"
        "from articles.sections import sections\n"
        "tree = sections(None)\n"
        "print('/'); [print(s.get_absolute_url()) for s in tree.in_path_order()]\n"
        "stories = Article.objects.live().select_related('section').order_by('-published_at')\n"
        "[print(a.get_absolute_url()) for a in stories]\n"
    ))  # fmt: skip
    paths = out.strip().splitlines()
    listings = sum(1 for path in paths if path.count("/") < 6)  # the front page and sections
    hot = listings + 200  # and the newest 200 stories: what most readers read
    return paths[:hot], paths[hot:]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--readers", type=int, default=16)
    parser.add_argument("--seconds", type=int, default=80)
    parser.add_argument("--articles", type=int, default=20_000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="faults-"))
    postgres = PostgresCluster()
    postgres.start()
    postgres.create_database()
    redis = RedisServer(folder)
    redis.start()
    site = Site({"DATABASE_URL": postgres.url, "REDIS_URL": redis.url}, folder)
    site.prepare()
    site.manage("load_demo", "--articles", str(args.articles))
    cached, cold = addresses(site)
    site.start()
    for path in cached:
        site.get(path)
    results: dict[int, list[tuple[int, float, bool]]] = defaultdict(list)
    started = time.monotonic()
    stop = threading.Event()

    def reader(seed: int) -> None:
        rng = random.Random(seed)
        while not stop.is_set():
            kept = rng.random() < 0.8
            path = rng.choice(cached) if kept else cold.pop() if cold else rng.choice(cached)
            status, _, _, seconds = site.get(path, timeout=10)
            results[int(time.monotonic() - started)].append((status, seconds, kept))

    threads = [threading.Thread(target=reader, args=(n,)) for n in range(args.readers)]
    for thread in threads:
        thread.start()
    try:
        for second, event in TIMELINE:
            time.sleep(max(0, started + second - time.monotonic()))
            {"redis down": redis.stop, "redis back": redis.start,
             "postgres down": postgres.stop, "postgres back": postgres.start}[event]()  # fmt: skip
        time.sleep(max(0, started + args.seconds - time.monotonic()))
    finally:
        stop.set()
        for thread in threads:
            thread.join()
        site.stop()
        redis.stop()
        postgres.remove()
    report(results, args)


def phase(second: int) -> str:
    current = "normal"
    for start, event in TIMELINE:
        if second >= start:
            current = {"redis down": "REDIS DOWN", "postgres down": "POSTGRES DOWN"}.get(
                event, "normal"
            )
    return current


def report(results: dict, args) -> None:
    print(f"\n{args.readers} readers (80% pages already kept), 2 sync workers; "
          f"Redis down at {TIMELINE[0][0]}-{TIMELINE[1][0]} s, PostgreSQL down at "
          f"{TIMELINE[2][0]}-{TIMELINE[3][0]} s")  # fmt: skip
    print(f"{'s':>3} {'phase':<14}{'req/s':>7}{'p99 ms':>8}  status codes (kept pages / others)")
    normal = [len(results[s]) for s in range(2, TIMELINE[0][0])]
    baseline = statistics.median(normal) if normal else 0
    errors, recovered = 0, {}
    for second in sorted(results):
        rows = results[second]
        codes_kept = Counter(status for status, _, kept in rows if kept)
        codes_cold = Counter(status for status, _, kept in rows if not kept)
        times = sorted(seconds for _, seconds, _ in rows)
        p99 = times[int(len(times) * 0.99)] * 1000 if times else 0
        errors += sum(
            n for code, n in (codes_kept + codes_cold).items() if code >= 500 and code != 503
        )
        print(
            f"{second:>3} {phase(second):<14}{len(rows):>7}{p99:>8.0f}  "
            f"{dict(codes_kept)} / {dict(codes_cold)}"
        )
        for start, event in TIMELINE:
            back = event.endswith("back") and second >= start and event not in recovered
            if back and len(rows) >= 0.9 * baseline:
                recovered[event] = second - start
    print(f"\nresponses with a 5xx other than 503: {errors} (target 0)")
    for event, seconds in recovered.items():
        print(f"{event}: full speed (90% of {baseline:.0f} req/s) after {seconds} s (target <= 5)")


if __name__ == "__main__":
    main()
