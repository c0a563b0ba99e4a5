import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def load_settings(**env: str) -> subprocess.CompletedProcess:
    """Import the production settings in a fresh interpreter with exactly these variables."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import newsroom.settings as s; print(s.DEBUG, s.SESSION_COOKIE_SECURE, s.ALLOWED_HOSTS)",
        ],
        cwd=ROOT,
        env=clean | env,
        capture_output=True,
        text=True,
    )


def test_production_refuses_to_start_without_a_secret_key():
    """Without DJANGO_DEBUG the settings never fall back to a development key."""
    result = load_settings(DJANGO_ALLOWED_HOSTS="news.example.org")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    """Without DJANGO_DEBUG the host names must be given, never '*'."""
    result = load_settings(DJANGO_SECRET_KEY="x" * 50)
    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS" in result.stderr


def test_production_settings_are_secure():
    """With a key and hosts given, debug is off and cookies are secure."""
    result = load_settings(DJANGO_SECRET_KEY="x" * 50, DJANGO_ALLOWED_HOSTS="a.example,b.example")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False True ['a.example', 'b.example']"


def test_debug_mode_runs_with_local_defaults():
    """DJANGO_DEBUG=1 is enough for a local demo."""
    result = load_settings(DJANGO_DEBUG="1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True False ['localhost', '127.0.0.1', '[::1]']"


def test_every_variable_the_settings_read_is_in_env_example():
    """.env.example is the list an operator reads: nothing the settings read is missing from it."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    source = (root / "newsroom" / "settings.py").read_text()
    read = set(
        re.findall(r"""(?:environ\.get|env_bool|env_list)\(\s*["']([A-Z0-9_]+)["']""", source)
    )
    listed = set(re.findall(r"^([A-Z0-9_]+)=", (root / ".env.example").read_text(), re.M))
    assert read and read <= listed, sorted(read - listed)
