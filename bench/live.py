"""Live coverage under a crowd (issue #15): the check for new entries and the live page.

    .venv/bin/python bench/live.py --entries 500 --readers 1000 --seconds 60

Serves the site as `make serve` does (gunicorn's sync workers, DEBUG off, the per-process page
cache and the generation file), with a live story of --entries entries, while the desk posts an
entry every --post-every seconds (from another process, through the models, so that the content
generation moves as it does in production). Then, in one run:

- the bare 40 KB Django view, at full speed (wrk): the framework's limit on this machine;
- the check for new entries and the live page, each at full speed (wrk), the desk posting;
- --readers readers, each polling the check every --poll seconds with If-None-Match, as the
  reader's script does: share of 304s and of page-cache hits, latency, errors, and how long
  after each post the last reader saw it.

Targets: the check at >= 90% of the bare view's requests per second; 0 errors; every reader
sees a new entry within 30 s of posting.
"""

import argparse
import heapq
import json
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.serving import PYTHON, ROOT, Server, django_env, manage, wrk  # noqa: E402

PREPARE = """
import django, json; django.setup()
from django.utils import timezone
from datetime import timedelta
from live.models import Entry, LiveCoverage
from articles.models import Author
coverage = LiveCoverage.objects.filter(ended_at=None).select_related("article").first()
have = coverage.entries.count()
start = timezone.now() - timedelta(hours=12)
Entry.objects.bulk_create(
    Entry(coverage=coverage, status="published", published_at=start + timedelta(seconds=60 * n),
          body_html=f"<p>Bench update {{n}}: the desk reports what it has confirmed, and when.</p>",
          body=f"<p>Bench update {{n}}.</p>")
    for n in range(have, {entries})
)
author = Author.objects.first()
Entry.authors.through.objects.bulk_create(
    Entry.authors.through(entry_id=pk, author_id=author.pk)
    for pk in coverage.entries.filter(authors=None).values_list("pk", flat=True)
)
# One ordinary save, so that the content generation moves past the bulk inserts.
Entry.objects.create(coverage=coverage, status="published", body="<p>Bench ready.</p>")
print(json.dumps({{"page": coverage.article.get_absolute_url(), "coverage": coverage.pk,
                  "entries": coverage.entries.count()}}))
"""

DESK = """
import django, sys, time; django.setup()
from live.models import Entry, LiveCoverage
coverage = LiveCoverage.objects.get(pk={coverage})
n = 0
while True:
    time.sleep({every})
    n += 1
    entry = Entry.objects.create(coverage=coverage, status="published",
                                 body=f"<p>Desk update {{n}} posted under load.</p>")
    print(entry.pk, time.time(), flush=True)
"""


class Crowd:
    """Readers polling the check as the page's script does, each with its own ETag."""

    def __init__(self, url: str, readers: int, poll: float, threads: int = 48):
        self.url, self.readers, self.poll, self.threads = url, readers, poll, threads
        self.latencies: list[float] = []
        self.statuses: dict[int, int] = {}
        self.hits = self.errors = 0
        self.seen: dict[int, dict[int, float]] = {}  # entry id: reader: when first seen
        self.lock = threading.Lock()

    def run(self, seconds: float) -> None:
        now = time.monotonic()
        # Readers arrive spread over one polling interval, as a crowd's page loads do.
        queue = [(now + self.poll * n / self.readers, n, "") for n in range(self.readers)]
        heapq.heapify(queue)
        stop = now + seconds
        cond = threading.Condition()

        def worker() -> None:
            while True:
                with cond:
                    if not queue:
                        return
                    due, reader, etag = heapq.heappop(queue)
                if due > stop:
                    return
                time.sleep(max(0, due - time.monotonic()))
                etag = self.check(reader, etag)
                with cond:
                    heapq.heappush(queue, (due + self.poll, reader, etag))

        pool = [threading.Thread(target=worker) for _ in range(self.threads)]
        for thread in pool:
            thread.start()
        for thread in pool:
            thread.join()

    def check(self, reader: int, etag: str) -> str:
        request = urllib.request.Request(self.url, headers={"If-None-Match": etag} if etag else {})
        began = time.perf_counter()
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                body, status, headers = response.read(), response.status, response.headers
        except urllib.error.HTTPError as error:
            body, status, headers = b"", error.code, error.headers
        except OSError:
            with self.lock:
                self.errors += 1
            return etag
        elapsed = (time.perf_counter() - began) * 1000
        with self.lock:
            self.latencies.append(elapsed)
            self.statuses[status] = self.statuses.get(status, 0) + 1
            self.hits += headers.get("X-Page-Cache") == "hit"
            if status >= 400:
                self.errors += 1
            if status == 200:
                for pk in json.loads(body)["entries"]:
                    self.seen.setdefault(pk, {}).setdefault(reader, time.time())
        return headers.get("ETag", etag) if status in (200, 304) else etag


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=500)
    parser.add_argument("--readers", type=int, default=1000)
    parser.add_argument("--poll", type=float, default=15, help="seconds between a reader's checks")
    parser.add_argument("--post-every", type=float, default=10)
    parser.add_argument("--seconds", type=int, default=60, help="length of the crowd's run")
    parser.add_argument("--wrk-seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--repeat", type=int, default=3, help="interleaved wrk rounds")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, default=8771)
    args = parser.parse_args()
    data = Path(tempfile.gettempdir()) / "bench-live-data"
    data.mkdir(exist_ok=True)
    env = django_env({"PAGE_CACHE_DEBUG_HEADER": "1", "NEWSROOM_DATA_DIR": str(data)})
    manage("migrate", "--noinput", env=env)
    manage("collectstatic", "--noinput", env=env)
    manage("load_demo", env=env)
    prepared = subprocess.run(
        [PYTHON, "-c", PREPARE.format(entries=args.entries)],
        cwd=ROOT, env=env, check=True, capture_output=True, text=True,
    )  # fmt: skip
    story = json.loads(prepared.stdout.strip().splitlines()[-1])
    server = Server(env, args.port, args.workers)
    base = f"http://127.0.0.1:{args.port}"
    check_url = f"{base}/live/{story['coverage']}/check/"
    desk = subprocess.Popen(
        [PYTHON, "-c", DESK.format(coverage=story["coverage"], every=args.post_every)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    posts: list[tuple[int, float]] = []

    def read_desk() -> None:
        for line in desk.stdout:
            pk, when = line.split()
            posts.append((int(pk), float(when)))

    threading.Thread(target=read_desk, daemon=True).start()
    results = {}
    try:
        urllib.request.urlopen(base + story["page"]).read()
        # Interleaved rounds, medians kept: this machine is shared, and its load moves.
        addresses = {"bare view": f"{base}/bench/bare/", "check": check_url,
                     "live page": base + story["page"]}  # fmt: skip
        rounds = {name: [] for name in addresses}
        for _ in range(args.repeat):
            for name, url in addresses.items():
                rounds[name].append(wrk(url, args.wrk_seconds, args.connections))
        for name, found in rounds.items():
            results[name] = {
                key: statistics.median(r[key] for r in found) for key in ("rps", "p50", "p99")
            } | {"errors": sum(r["errors"] for r in found)}
        posted_before_crowd = len(posts)
        crowd = Crowd(check_url, args.readers, args.poll)
        crowd.run(args.seconds)
        crowd_posts = posts[posted_before_crowd:]
        desk.terminate()
        # The same crowd while the desk is quiet: what a CDN or the page cache answers then.
        quiet = Crowd(check_url, args.readers, args.poll)
        quiet.run(args.seconds)
    finally:
        desk.terminate()
        server.stop()

    bare = results["bare view"]["rps"]
    print(f"\nLive story of {story['entries']} entries, desk posting every {args.post_every:g} s, "
          f"{args.workers} gunicorn workers, wrk {args.connections} connections "
          f"x {args.wrk_seconds} s")  # fmt: skip
    print(f"{'address':<12}{'req/s':>9}{'% bare':>8}{'p50 ms':>8}{'p99 ms':>8}{'errors':>8}")
    for name, result in results.items():
        print(f"{name:<12}{result['rps']:>9.0f}{result['rps'] / bare:>8.0%}"
              f"{result['p50']:>8.1f}{result['p99']:>8.1f}{result['errors']:>8}")  # fmt: skip
    for label, run in [("while the desk posts", crowd), ("while the desk is quiet", quiet)]:
        total = sum(run.statuses.values())
        lat = sorted(run.latencies) or [0]
        print(f"\n{args.readers} readers polling the check every {args.poll:g} s for "
              f"{args.seconds} s with If-None-Match, {label}:")  # fmt: skip
        print(f"  {total} requests ({total / args.seconds:.0f}/s), statuses "
              f"{dict(sorted(run.statuses.items()))}, 304 {run.statuses.get(304, 0) / max(total, 1):.1%}, "
              f"page-cache hits {run.hits / max(total, 1):.1%}, errors {run.errors}, "
              f"p50 {statistics.median(lat):.1f} ms, p99 {lat[int(len(lat) * 0.99)]:.1f} ms")  # fmt: skip
    delays = []
    for pk, when in crowd_posts:
        readers = crowd.seen.get(pk, {})
        if len(readers) == args.readers:
            delays.append(max(readers.values()) - when)
    late = len(crowd_posts) - len(delays)
    if delays:
        print(f"  {len(crowd_posts)} entries posted meanwhile; every reader saw each within "
              f"{max(delays):.1f} s (median of the last reader {statistics.median(delays):.1f} s)"
              + (f"; {late} posted too late in the run for every reader to poll again" if late else ""))  # fmt: skip


if __name__ == "__main__":
    main()
