"""Do slow readers starve fast ones? (issue #21)

    .venv/bin/python bench/slow_clients.py --slow 200

Serves the demo as `make serve` does (gunicorn, sync workers) and measures fast readers (wrk on
the front page) alone, then beside --slow readers that each read their page one byte a second
(a small receive window, so the server cannot hand the whole page to the kernel and move on).
Then the same again with nginx in front of gunicorn, buffering responses as
deploy/nginx/newsroom.conf does. Prints requests per second and p99 latency of the fast readers.
"""

import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.serving import ROOT, Server, django_env, manage, wrk  # noqa: E402
from tests.faults.services import free_port, wait_until  # noqa: E402


def slow_reader(port: int, path: str, stop: threading.Event) -> None:
    """Ask for a page, then take it one byte a second, as a reader on a bad line would."""
    while not stop.is_set():
        try:
            sock = socket.socket()
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1024)
            sock.connect(("127.0.0.1", port))
            sock.sendall(
                f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode()
            )
            while not stop.is_set() and sock.recv(1):
                time.sleep(1)
            sock.close()
        except OSError:
            time.sleep(0.5)


def nginx_in_front(backend: int, folder: Path) -> tuple[subprocess.Popen, int]:
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(binary).exists():
        sys.exit("nginx is not installed: apt-get install nginx-light")
    port = free_port()
    site = (ROOT / "deploy" / "nginx" / "newsroom.conf").read_text()
    site = site.replace("server 127.0.0.1:8000;", f"server 127.0.0.1:{backend};")
    site = site.replace("listen 80;", f"listen 127.0.0.1:{port};")
    site = re.sub(r"^\s*(root|alias) .*;$", "", site, flags=re.M)
    conf = folder / "nginx.conf"
    conf.write_text(
        f"worker_processes 1;\npid {folder}/nginx.pid;\nerror_log {folder}/error.log;\n"
        "events { worker_connections 4096; }\n"
        f"http {{\naccess_log off;\nclient_body_temp_path {folder}/body;\n"
        f"proxy_temp_path {folder}/proxy;\nfastcgi_temp_path {folder}/fastcgi;\n"
        f"uwsgi_temp_path {folder}/uwsgi;\nscgi_temp_path {folder}/scgi;\n{site}\n}}\n"
    )
    process = subprocess.Popen([binary, "-c", str(conf), "-g", "daemon off;"])
    wait_until(lambda: _answers(port), what="nginx")
    return process, port


def _answers(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.3).close()
    except OSError:
        return False
    return True


def measure(port: int, slow: int, seconds: int) -> dict:
    stop = threading.Event()
    readers = [threading.Thread(target=slow_reader, args=(port, "/", stop)) for _ in range(slow)]
    for reader in readers:
        reader.start()
    time.sleep(3 if slow else 0)  # every slow reader connected and stuck
    try:
        return wrk(f"http://127.0.0.1:{port}/", seconds, 16)
    finally:
        stop.set()
        for reader in readers:
            reader.join(timeout=5)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--slow", type=int, default=200)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    env = django_env({})
    manage("migrate", "--noinput", env=env)
    manage("collectstatic", "--noinput", env=env)
    manage("load_demo", env=env)
    folder = Path(tempfile.mkdtemp(prefix="slow-clients-"))
    server = Server(env | {"GUNICORN_CMD_ARGS": "--timeout 120"}, free_port(), args.workers)
    rows = []
    try:
        for name, port in [("gunicorn alone", server.port)]:
            rows.append((name, 0, measure(port, 0, args.seconds)))
            rows.append((name, args.slow, measure(port, args.slow, args.seconds)))
        proxy, port = nginx_in_front(server.port, folder)
        try:
            rows.append(("nginx in front", 0, measure(port, 0, args.seconds)))
            rows.append(("nginx in front", args.slow, measure(port, args.slow, args.seconds)))
        finally:
            os.kill(proxy.pid, signal.SIGQUIT)
            proxy.wait(timeout=10)
    finally:
        server.stop()
    print(f"\nfast readers: wrk, 16 connections, {args.seconds} s, the front page; "
          f"{args.workers} sync gunicorn workers")  # fmt: skip
    print(f"{'setup':<16}{'slow readers':>13}{'req/s':>9}{'p99 ms':>9}{'errors':>8}")
    for name, slow, result in rows:
        print(
            f"{name:<16}{slow:>13}{result['rps']:>9.0f}{result['p99']:>9.0f}{result['errors']:>8}"
        )


if __name__ == "__main__":
    main()
