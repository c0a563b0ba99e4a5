"""Edge caching: the site through Varnish, beside nginx serving a saved copy, and a newsroom's
day through Varnish (issue #20).

    .venv/bin/python bench/edge.py --articles 100000 --seconds 60

Serves the site as `make serve` does (gunicorn, sync workers, PostgreSQL in EDGE_DATABASE_URL,
by default newsroom_edge on 127.0.0.1:5432, created if missing; Redis database 4 for the page
cache, emptied first) with EDGE_CACHE=varnish, and Debian's varnishd in front of it with
deploy/varnish/newsroom.vcl (only the backend's port changed).

1. The home, a section and an article page through Varnish, and the same pages saved to disk and
   served by nginx, taken in turns by wrk: Varnish's requests per second as a share of nginx's
   (target: 80% or more).
2. The newsroom day of bench/day.py (readers over the archive, most on the front page, the
   sections and the newest hundred stories) through Varnish while the desk publishes a story or
   edits a live one every --edit-every seconds: the edge hit rate (target 95%), the requests
   per second that reached Django (and how many of those our own page cache answered), p50 and
   p99, and the time from an editor pressing Save to the change being visible through Varnish
   (target: within 1 s), polled every 10 ms.
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.day import ensure_database, read_load, reader_paths  # noqa: E402
from bench.serving import PYTHON, ROOT, Server, django_env, manage  # noqa: E402
from tests.faults.services import answers as listening  # noqa: E402
from tests.faults.services import free_port, wait_until  # noqa: E402

DATABASE_URL = os.environ.get(
    "EDGE_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/newsroom_edge"
)
REDIS_URL = os.environ.get("EDGE_REDIS_URL", "redis://127.0.0.1:6379/4")


def answers(port: int) -> bool:
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
    except OSError:
        return False
    return True


def start_varnish(backend: int, port: int, folder: Path) -> subprocess.Popen:
    binary = shutil.which("varnishd") or "/usr/sbin/varnishd"
    if not Path(binary).exists():
        sys.exit("varnishd is not installed: apt-get install varnish varnish-modules")
    vcl = (ROOT / "deploy" / "varnish" / "newsroom.vcl").read_text()
    vcl = re.sub(r'\.port = "\d+";', f'.port = "{backend}";', vcl, count=1)
    (folder / "newsroom.vcl").write_text(vcl)
    process = subprocess.Popen(
        [binary, "-F", "-j", "none", "-a", f"127.0.0.1:{port}", "-T", "none", "-f",
         str(folder / "newsroom.vcl"), "-n", str(folder / "varnish"), "-s", "malloc,512m"],
        stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT, start_new_session=True,
    )  # fmt: skip
    wait_until(lambda: answers(port), what="varnishd")
    return process


def start_nginx(folder: Path, pages: dict[str, bytes]) -> tuple[subprocess.Popen, int]:
    """nginx serving a saved copy of the pages, as plain files."""
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(binary).exists():
        sys.exit("nginx is not installed: apt-get install nginx-light")
    root = folder / "copy"
    folder.chmod(0o755)  # nginx's workers give up root
    for path, content in pages.items():
        # Saved as Varnish sends it to browsers: gzipped (nginx sends the bytes as they are).
        target = root / path.strip("/") / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    port = free_port()
    conf = folder / "nginx.conf"
    conf.write_text(
        f"worker_processes 1;\npid {folder}/nginx.pid;\nerror_log {folder}/nginx-error.log;\n"
        "events { worker_connections 4096; }\n"
        f"http {{\naccess_log off;\nclient_body_temp_path {folder}/body;\n"
        f"proxy_temp_path {folder}/proxy;\nfastcgi_temp_path {folder}/fastcgi;\n"
        f"uwsgi_temp_path {folder}/uwsgi;\nscgi_temp_path {folder}/scgi;\n"
        f"server {{\nlisten 127.0.0.1:{port};\nroot {root};\ndefault_type text/html;\n"
        "location / { add_header Content-Encoding gzip; try_files $uri $uri/index.html =404; }"
        "\n}\n}\n"
    )
    process = subprocess.Popen([binary, "-c", str(conf), "-g", "daemon off;"])
    wait_until(lambda: listening(port), what="nginx")
    return process, port


GZIP = {"Accept-Encoding": "gzip"}  # as every browser asks


def fetch(url: str, headers: dict | None = None) -> tuple[int, dict, bytes]:
    try:
        request = urllib.request.Request(url, headers=headers or {})
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def wrk_page(url: str, seconds: int, connections: int) -> float:
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "-H", "Accept-Encoding: gzip", url],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if bad:
        raise RuntimeError(f"{url}: {bad.group(1)} error responses")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))


DESK = """
import django, sys, time, random; django.setup()
from django.contrib.auth import get_user_model
from articles import services
from articles.models import Article, Author
from sections.models import Section
editor, _ = get_user_model().objects.get_or_create(username='edge-editor',
    defaults={'is_staff': True, 'is_superuser': True})
rng = random.Random(13)
n = 0
for line in sys.stdin:
    n += 1
    stamp = time.time_ns()
    if n % 2:
        story = Article(headline=f'Breaking: desk story {stamp}', slug=f'desk-story-{stamp}',
            summary='Filed during the day.', body='<p>New.</p>', language='en',
            section=rng.choice(list(Section.objects.filter(parent=None))))
        started = time.time()
        services.publish(article=story, user=editor)
        where = '/'
    else:
        story = (Article.objects.live().filter(language='en').select_related('section')
                 .order_by('-published_at')[rng.randrange(20)])
        story.headline = f'Updated {stamp}: {story.headline[:120]}'
        started = time.time()
        services.save(article=story, user=editor)
        where = story.get_absolute_url()
    print(f"{'publish' if n % 2 else 'edit'}\\t{started}\\t{time.time()}\\t{where}\\t{stamp}",
          flush=True)
"""


def desk(env: dict, base: str, every: float, stop: threading.Event, seen: list[dict]) -> None:
    """Publish or edit every `every` seconds, then poll Varnish until readers get the change."""
    process = subprocess.Popen(
        [PYTHON, "-c", DESK], cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    try:
        while not stop.wait(every):
            process.stdin.write("go\n")
            process.stdin.flush()
            kind, started, saved, where, stamp = process.stdout.readline().strip().split("\t")
            deadline = time.time() + 30
            while time.time() < deadline:
                try:
                    status, _, body = fetch(f"{base}{where}")
                except OSError:  # timed out under load: ask again
                    continue
                if stamp.encode() in body:
                    break
                time.sleep(0.01)
            visible = time.time()
            seen.append({"kind": kind, "save": float(saved) - float(started),
                         "visible": visible - float(started), "path": where})  # fmt: skip
    finally:
        process.stdin.close()
        process.wait(timeout=30)


def varnish_counter(folder: Path, name: str) -> int:
    out = subprocess.run(
        ["varnishstat", "-n", str(folder / "varnish"), "-1", "-f", name],
        capture_output=True, text=True,
    ).stdout  # fmt: skip
    match = re.search(rf"{re.escape(name)}\s+(\d+)", out)
    return int(match.group(1)) if match else -1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--seconds", type=int, default=60, help="length of each day run")
    parser.add_argument("--page-seconds", type=int, default=8, help="wrk time per page and round")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--edit-every", type=float, default=30.0)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    ensure_database(DATABASE_URL)
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()
    folder = Path(tempfile.mkdtemp(prefix="bench-edge-"))
    app_port, varnish_port = free_port(), free_port()
    env = django_env({
        "DATABASE_URL": DATABASE_URL, "REDIS_URL": REDIS_URL, "PAGE_CACHE_DEBUG_HEADER": "1",
        "EDGE_CACHE": "varnish", "EDGE_VARNISH_URLS": f"http://127.0.0.1:{varnish_port}",
    })  # fmt: skip
    manage("migrate", "--noinput", env=env)
    manage("collectstatic", "--noinput", env=env)
    started = time.perf_counter()
    manage("load_demo", "--articles", str(args.articles), env=env)
    print(f"{args.articles:,} articles ready in {time.perf_counter() - started:.0f} s")
    paths = reader_paths(env, 50_000)  # 10,000 tail addresses (one argument holds 128 KB)
    urls_file = folder / "urls.txt"
    urls_file.write_text("\n".join(paths) + "\n")
    server = Server(env, app_port, args.workers)
    varnish = start_varnish(app_port, varnish_port, folder)
    base = f"http://127.0.0.1:{varnish_port}"
    nginx = None
    try:
        # 1. Pages through Varnish beside nginx serving a saved copy.
        article = next(p for p in paths if p.count("/") > 5)
        section = next(p for p in paths if p != "/" and p.count("/") <= 3)
        pages = {"home": "/", "section": section, "article": article}
        saved = {}
        for path in pages.values():
            fetch(f"{base}{path}", GZIP)
            status, headers, body = fetch(f"{base}{path}", GZIP)
            assert status == 200 and headers.get("Content-Encoding") == "gzip", (path, status)
            saved[path] = body
        nginx, nginx_port = start_nginx(folder, saved)
        page_rows = {name: {"varnish": [], "nginx": []} for name in pages}
        for _ in range(args.rounds):
            for name, path in pages.items():
                page_rows[name]["varnish"].append(
                    wrk_page(f"{base}{path}", args.page_seconds, args.connections)
                )
                page_rows[name]["nginx"].append(
                    wrk_page(f"http://127.0.0.1:{nginx_port}{path}", args.page_seconds,
                             args.connections)
                )  # fmt: skip
        # 2. The newsroom day through Varnish.
        read_load(base, urls_file, 10, args.connections, gzip=True)  # warm Varnish
        results = {}
        for run in ["quiet", "busy"]:
            before = varnish_counter(folder, "MAIN.backend_req")
            stop, seen = threading.Event(), []
            editor = None
            if run == "busy":
                editor = threading.Thread(
                    target=desk, args=(env, base, args.edit_every, stop, seen)
                )
                editor.start()
            try:
                result = read_load(base, urls_file, args.seconds, args.connections, gzip=True)
            finally:
                stop.set()
                if editor:
                    editor.join()
            result["backend_req"] = varnish_counter(folder, "MAIN.backend_req") - before
            # Pages Varnish evicted for room: with purges by key (counted as expiries) and hours of
            # lifetime, the only misses a key-based page cache of our own could have answered.
            result["dropped"] = varnish_counter(folder, "MAIN.n_lru_nuked")
            result["changes"] = seen
            results[run] = result
    finally:
        for process in [nginx, varnish]:
            if process is not None:
                process.terminate()
                process.wait(timeout=20)
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)

    print(f"\n{args.articles:,} articles on PostgreSQL, Redis page cache, {args.workers} sync "
          f"workers, Varnish {varnish_version()} with deploy/varnish/newsroom.vcl, wrk "
          f"{args.connections} connections")  # fmt: skip
    print(f"\npages, req/s (median of {args.rounds} rounds of {args.page_seconds} s, in turns)")
    print(f"{'page':<10}{'varnish':>10}{'nginx copy':>12}{'share':>8}")
    for name, row in page_rows.items():
        v, n = statistics.median(row["varnish"]), statistics.median(row["nginx"])
        print(f"{name:<10}{v:>10.0f}{n:>12.0f}{v / n:>8.0%}")
    print(f"\nnewsroom day through Varnish, {args.seconds} s per run")
    print(f"{'run':<7}{'req/s':>8}{'p50 ms':>8}{'p99 ms':>8}{'edge hits':>11}"
          f"{'to Django/s':>13}{'app hits':>10}{'errors':>8}")  # fmt: skip
    for name, r in results.items():
        seconds = r["seconds"]
        rate = r["edge_hits"] / r["requests"] if r["requests"] else 0
        reached = r["hits"] + r["misses"]
        app_rate = r["hits"] / reached if reached else 0
        bad = sum(n for code, n in r["statuses"].items() if not 200 <= int(code) < 400)
        print(f"{name:<7}{r['requests'] / seconds:>8.0f}{r['p50_ms']:>8.1f}{r['p99_ms']:>8.1f}"
              f"{rate:>11.1%}{r['backend_req'] / seconds:>13.1f}{app_rate:>10.1%}"
              f"{r['errors'] + bad:>8}")  # fmt: skip
        print(f"{'':<7}statuses: {r['statuses']}, wrk errors: {r['errors']}, pages Varnish "
              f"evicted for room so far: {r['dropped']}")  # fmt: skip
    changes = results["busy"]["changes"]
    if changes:
        visible = sorted(c["visible"] for c in changes)
        saves = sorted(c["save"] for c in changes)
        after_save = sorted(c["visible"] - c["save"] for c in changes)
        print(f"\n{len(changes)} changes in the busy run ({', '.join(c['kind'] for c in changes)}):"
              f" save took {statistics.median(saves) * 1000:.0f} ms (median); visible through "
              f"Varnish {statistics.median(visible) * 1000:.0f} ms after Save was pressed "
              f"(median), {visible[-1] * 1000:.0f} ms at most (target: 1000 ms); "
              f"{statistics.median(after_save) * 1000:.0f} ms after the save returned (median), "
              f"{after_save[-1] * 1000:.0f} ms at most")  # fmt: skip


def varnish_version() -> str:
    out = subprocess.run(["varnishd", "-V"], capture_output=True, text=True).stderr
    match = re.search(r"varnish-([\d.]+)", out)
    return match.group(1) if match else "?"


if __name__ == "__main__":
    main()
