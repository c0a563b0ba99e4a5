"""Static mirror benchmark: time and size of a full export and of incremental ones.

    .venv/bin/python bench/mirror.py --articles 1000 10000

For each size, a database of its own (NEWSROOM_DATA_DIR under var/bench-mirror-N) is seeded
with load_demo, then export_static runs three times into a fresh folder: full, again with
nothing changed, and after one story is edited and another unpublished. Prints seconds, files
written and the copy's size.
"""

import argparse
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.serving import PYTHON, ROOT, django_env, manage  # noqa: E402

CHANGE = (
    "import django; django.setup();"
    "from articles.models import Article; from articles import services;"
    "from django.contrib.auth.models import User;"
    "live = Article.objects.live().filter(language='en').order_by('-published_at');"
    "story = live[5]; story.headline = story.headline + ' (updated)'; story.save();"
    "boss = User.objects.filter(is_superuser=True).first() or User.objects.create_superuser('bench-boss');"
    "services.unpublish(articles=Article.objects.filter(pk=live[7].pk), user=boss)"
)


def export(env: dict, directory: Path) -> tuple[float, str]:
    started = time.perf_counter()
    out = manage("export_static", str(directory), env=env)
    return time.perf_counter() - started, out.strip().splitlines()[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[1000, 10000])
    args = parser.parse_args()
    key = Path(tempfile.mkdtemp()) / "mirror-key.pem"
    for count in args.articles:
        data = ROOT / "var" / f"bench-mirror-{count}"
        data.mkdir(parents=True, exist_ok=True)
        env = django_env(
            {"NEWSROOM_DATA_DIR": str(data), "MEDIA_ROOT": str(data / "media"),
             "MIRROR_SIGNING_KEY_FILE": str(key)}
        )  # fmt: skip
        if not key.exists():
            manage("mirror_key", "--new", str(key), env=env)
        manage("migrate", "--noinput", env=env)
        manage("collectstatic", "--noinput", env=env)
        started = time.perf_counter()
        manage("load_demo", "--articles", str(count), env=env)
        manage("make_renditions", env=env)
        print(f"{count:,} articles: seeded in {time.perf_counter() - started:.0f} s", flush=True)
        copy = Path(tempfile.mkdtemp()) / "copy"
        for label in ("full", "nothing changed", "one edit, one unpublish"):
            if label.startswith("one edit"):
                subprocess.run([PYTHON, "-c", CHANGE], cwd=ROOT, env=env, check=True)
            seconds, line = export(env, copy)
            files, size = re.match(r"(\d+) files, ([\d.]+) MB", line).groups()
            written = re.search(r"(\d+) written", line)[1]
            removed = re.search(r"(\d+) removed", line)[1]
            print(f"{count:>7,} {label:<26} {seconds:7.1f} s  {int(files):>7,} files  "
                  f"{float(size):8.1f} MB  {int(written):>7,} written  {removed} removed", flush=True)  # fmt: skip
        verify = subprocess.run(
            [PYTHON, "manage.py", "verify_static", str(copy)], cwd=ROOT, env=env,
            capture_output=True, text=True,
        )  # fmt: skip
        print(f"{count:>7,} verify_static: {(verify.stdout or verify.stderr).strip()}", flush=True)


if __name__ == "__main__":
    main()
