"""Can a flood of junk addresses push the front page out of the page cache? (issue #12)

    .venv/bin/python bench/flood.py --articles 1000 --seconds 10

Serves the site as `make serve` does (gunicorn, DEBUG off, the default per-process cache),
reads the front page from several readers, and prints its cache hit rate before, during and
after a flood of junk requests: tracking parameters (/?utm_source=N), random paths, random but
well-formed listing cursors and searches. The flood is sent from more connections than the
readers use.
"""

import argparse
import random
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.serving import Server, django_env, manage  # noqa: E402


def junk(n: int) -> str:
    """One of the addresses a flood is made of."""
    cursor = f"{random.randint(0, 2_000_000_000_000_000)}_{random.randint(1, 10**9)}"
    return random.choice(
        [
            f"/?utm_source=flood{n}&fbclid={n}",
            f"/no-such-section-{n}/",
            f"/news/2026/01/01/missing-{n}/",
            f"/news/?before={cursor}",
            f"/search/?q=word{n}",
            f"/tags/junk-{n}/",
        ]
    )


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            response.read()
            return response.status, response.headers.get("X-Page-Cache", "")
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("X-Page-Cache", "")
    except OSError:
        return 0, ""


class Phase:
    def __init__(self, name: str):
        self.name, self.hits, self.reads, self.junk, self.errors = name, 0, 0, 0, 0
        self.lock = threading.Lock()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seconds", type=int, default=10, help="length of each phase")
    parser.add_argument("--readers", type=int, default=4)
    parser.add_argument("--flooders", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, default=8766)
    args = parser.parse_args()
    env = django_env({"PAGE_CACHE_DEBUG_HEADER": "1"})
    manage("migrate", "--noinput", env=env)
    manage("collectstatic", "--noinput", env=env)
    manage("load_demo", "--articles", str(args.articles), env=env)
    server = Server(env, args.port, args.workers)
    base = f"http://127.0.0.1:{args.port}"
    phases = [Phase("before"), Phase("during"), Phase("after")]
    current = [phases[0]]
    stop = threading.Event()
    flooding = threading.Event()

    def reader() -> None:
        while not stop.is_set():
            status, cache = get(f"{base}/")
            phase = current[0]
            with phase.lock:
                phase.reads += 1
                phase.hits += cache == "hit"
                phase.errors += status != 200

    def flooder(offset: int) -> None:
        n = offset
        while not stop.is_set():
            if not flooding.is_set():
                time.sleep(0.05)
                continue
            status, _ = get(base + junk(n))
            phase = current[0]
            with phase.lock:
                phase.junk += 1
                phase.errors += status >= 500 or status == 0
            n += args.flooders

    try:
        get(f"{base}/")  # drawn once, then kept
        threads = [threading.Thread(target=reader) for _ in range(args.readers)]
        threads += [threading.Thread(target=flooder, args=(n,)) for n in range(args.flooders)]
        for thread in threads:
            thread.start()
        for phase in phases:
            current[0] = phase
            flooding.set() if phase.name == "during" else flooding.clear()
            time.sleep(args.seconds)
        stop.set()
        for thread in threads:
            thread.join()
    finally:
        server.stop()
    print(f"\n{args.articles:,} articles, {args.workers} workers, {args.readers} readers of /, "
          f"{args.flooders} flooding connections, {args.seconds} s per phase")  # fmt: skip
    print(f"{'phase':<8}{'reads of /':>12}{'hit rate':>10}{'junk sent':>11}{'5xx/errors':>12}")
    for phase in phases:
        rate = phase.hits / phase.reads if phase.reads else 0
        print(f"{phase.name:<8}{phase.reads:>12}{rate:>10.1%}{phase.junk:>11}{phase.errors:>12}")


if __name__ == "__main__":
    main()
