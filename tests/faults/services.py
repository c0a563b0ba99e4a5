"""Real services the fault tests start, stop in the middle of a test and start again.

Redis (redis-server), a PostgreSQL cluster of their own (initdb and pg_ctl, run as the postgres
user when the tests run as root), S3 (moto's server) and the site itself (gunicorn, as
`make serve` runs it). Each is skipped, saying why, where its programs are missing.
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def answers(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.3).close()
    except OSError:
        return False
    return True


def wait_until(check, seconds: float = 20, what: str = "it") -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    raise RuntimeError(f"{what} did not come up in {seconds} s")


class RedisServer:
    def __init__(self, folder: Path):
        binary = shutil.which("redis-server")
        if binary is None:
            pytest.skip("redis-server is not installed (apt-get install redis-server)")
        self.binary, self.folder, self.port = binary, folder, free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(self.folder)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        wait_until(lambda: answers(self.port), what="redis-server")

    def stop(self) -> None:
        """Redis goes away: connections are refused."""
        if self.process is not None:
            self.process.kill()
            self.process.wait()
            self.process = None

    def pause(self) -> None:
        """Redis hangs: connections open, nothing answers (and it keeps what it holds)."""
        self.process.send_signal(signal.SIGSTOP)

    def resume(self) -> None:
        self.process.send_signal(signal.SIGCONT)


class PostgresCluster:
    """A PostgreSQL cluster in a temporary folder of its own, on a port of its own."""

    def __init__(self):
        binaries = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
        if not binaries:
            pytest.skip("PostgreSQL's server programs are not installed (initdb, pg_ctl)")
        self.bin = binaries[-1].parent
        # In /tmp itself: the postgres user must reach it, and pytest's folders are private.
        self.folder, self.port = Path(tempfile.mkdtemp(prefix="newsroom-pg-")), free_port()
        self.data = self.folder / "data"
        self.as_owner = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        self.folder.chmod(0o755)
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
        self.run(self.bin / "initdb", "-D", self.data, "-A", "trust", "-U", "postgres",
                 "-E", "UTF8", "--no-sync")  # fmt: skip

    def run(self, *argv) -> None:
        subprocess.run([*self.as_owner, *map(str, argv)], check=True, capture_output=True)

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/newsroom"

    def start(self) -> None:
        options = (
            f"-c listen_addresses=127.0.0.1 -p {self.port} -c unix_socket_directories={self.folder}"
            " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        self.run(self.bin / "pg_ctl", "start", "-w", "-D", self.data, "-o", options,
                 "-l", self.folder / "server.log")  # fmt: skip

    def create_database(self) -> None:
        self.run(self.bin / "createdb", "-h", "127.0.0.1", "-p", self.port, "-U", "postgres",
                 "newsroom")  # fmt: skip

    def running(self) -> bool:
        status = subprocess.run([*self.as_owner, str(self.bin / "pg_ctl"), "status", "-D",
                                 str(self.data)], capture_output=True)  # fmt: skip
        return status.returncode == 0

    def stop(self) -> None:
        """PostgreSQL goes away at once, as in a crash (nothing happens if it is not running)."""
        if self.running():
            self.run(self.bin / "pg_ctl", "stop", "-m", "immediate", "-D", self.data)

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


class Site:
    """The site under gunicorn, as `make serve` runs it, with its own settings."""

    def __init__(self, env: dict, folder: Path, workers: int = 2):
        self.env = (
            # Each site has its own database (SQLite in its folder unless env names one), never
            # the one the suite itself runs on.
            {
                k: v
                for k, v in os.environ.items()
                if not k.startswith("DJANGO_") and k != "DATABASE_URL"
            }
            | {
                "DJANGO_SETTINGS_MODULE": "newsroom.settings",
                "DJANGO_SECRET_KEY": "fault-tests-" + "k" * 50,
                "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
                "DJANGO_SECURE_SSL_REDIRECT": "0",
                "NEWSROOM_DATA_DIR": str(folder),
                "MEDIA_ROOT": str(folder / "media"),
                # Its own: sites prepared side by side (pytest -n) would rewrite each other's.
                "STATIC_ROOT": str(folder / "static"),
                "PAGE_CACHE_DEBUG_HEADER": "1",
                "TWO_FACTOR_REQUIRED": "0",
                "REDIS_RETRY_SECONDS": "1",
            }
            | env
        )
        folder.mkdir(parents=True, exist_ok=True)
        self.folder, self.workers, self.port = folder, workers, free_port()
        self.process: subprocess.Popen | None = None
        self.log = folder / "gunicorn.log"

    def manage(self, *args: str) -> str:
        if args[:1] == ("shell",):
            args = ("shell", "--no-imports", *args[1:])  # print only what the script prints
        return subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=self.env, check=True,
            capture_output=True, text=True,
        ).stdout  # fmt: skip

    def prepare(self) -> None:
        self.manage("migrate", "--noinput")
        self.manage("collectstatic", "--noinput", "--verbosity", "0")
        self.manage("load_demo")

    def start(self) -> None:
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "newsroom.wsgi", "--bind",
                 f"127.0.0.1:{self.port}", "--workers", str(self.workers), "--log-level", "warning"],
                cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
            )  # fmt: skip
        wait_until(lambda: answers(self.port), what="gunicorn")

    def stop(self) -> None:
        if self.process is not None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=20)
            self.process = None

    def get(self, path: str, cookies: str = "", timeout: float = 10):
        """(status, headers, body text, seconds taken)."""
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}")
        if cookies:
            request.add_header("Cookie", cookies)
        started = time.monotonic()
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return (
                    response.status,
                    response.headers,
                    response.read().decode(),
                    (time.monotonic() - started),
                )
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode(), time.monotonic() - started
        except OSError:  # refused, reset or timed out: no answer at all
            return 0, {}, "", time.monotonic() - started

    def kept(self, path: str, within: float = 8) -> bool:
        """Whether the page comes from the cache within so many seconds (every worker's Redis
        circuit closes again after REDIS_RETRY_SECONDS)."""
        deadline = time.monotonic() + within
        while time.monotonic() < deadline:
            if self.get(path)[1].get("X-Page-Cache") == "hit":
                return True
            time.sleep(0.2)
        return False

    def logged(self) -> str:
        return self.log.read_text(errors="replace")


def staff_cookie(site: Site, group: str = "Editor") -> str:
    """A signed-in staff member's session cookie for the site (made through its own settings)."""
    script = (
        "from django.contrib.auth import get_user_model, BACKEND_SESSION_KEY, SESSION_KEY, "
        "HASH_SESSION_KEY\n"
        "from django.contrib.auth.models import Group\n"
        "from django.contrib.sessions.backends.cached_db import SessionStore\n"
        f"user, _ = get_user_model().objects.get_or_create(username='fault-{group}', "
        "defaults={'is_staff': True})\n"
        f"user.groups.add(Group.objects.get(name='{group}'))\n"
        "session = SessionStore()\n"
        "session[SESSION_KEY] = str(user.pk)\n"
        "session[BACKEND_SESSION_KEY] = 'django.contrib.auth.backends.ModelBackend'\n"
        "session[HASH_SESSION_KEY] = user.get_session_auth_hash()\n"
        "session.create()\n"
        "print(session.session_key)\n"
    )
    key = site.manage("shell", "-c", script).strip().splitlines()[-1]
    return f"sessionid={key}"


def newest_story(site: Site) -> tuple[str, str]:
    """The newest live story's address and headline."""
    script = (
        "from articles.models import Article\n"
        "a = Article.objects.live().select_related('section').order_by('-published_at').first()\n"
        "print(a.get_absolute_url()); print(a.headline)\n"
    )
    url, headline = site.manage("shell", "-c", script).strip().splitlines()[-2:]
    return url, headline


def retitle_newest(site: Site, headline: str) -> None:
    """An editor's change, made through the publishing service in another process."""
    script = (
        "from django.contrib.auth import get_user_model\n"
        "from articles import services\n"
        "from articles.models import Article\n"
        "editor, _ = get_user_model().objects.get_or_create(username='desk', "
        "defaults={'is_staff': True, 'is_superuser': True})\n"
        "story = Article.objects.live().order_by('-published_at').first()\n"
        f"story.headline = {headline!r}\n"
        "services.save(article=story, user=editor)\n"
    )
    site.manage("shell", "-c", script)
