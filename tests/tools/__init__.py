"""Tools from the npm registry that tests use, installed here on first use (package-lock.json
pins them): axe-core, which browser tests inject into pages, and the Nu HTML checker."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
AXE = HERE / "node_modules" / "axe-core" / "axe.min.js"
VNU = HERE / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def installed(path: Path) -> Path:
    if not path.exists():
        npm = shutil.which("npm")
        if npm is None:
            pytest.skip("npm is not installed: it is needed to install the test tools")
        subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--silent"], cwd=HERE, check=True)
    return path


def axe_source() -> str:
    return installed(AXE).read_text()


def html_errors(pages: dict[str, str]) -> list[str]:
    """The Nu HTML checker's errors for each page (name: HTML), as "name: message" lines."""
    java = shutil.which("java")
    if java is None:
        pytest.skip("Java is not installed: the Nu HTML checker runs on it")
    jar = installed(VNU)
    folder = HERE / "checked"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    names = {}
    for n, (name, html) in enumerate(pages.items()):
        path = folder / f"{n}.html"
        path.write_text(html)
        names[str(path)] = name
    result = subprocess.run(
        [java, "-jar", str(jar), "--format", "json", "--errors-only", *names],
        capture_output=True,
        text=True,
    )
    shutil.rmtree(folder, ignore_errors=True)
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    return [
        f"{names.get(m.get('url', '').removeprefix('file:'), m.get('url'))}: {m['message']}"
        f" [{m.get('extract', '').strip()}]"
        for m in messages
        if m.get("type") == "error"
    ]
