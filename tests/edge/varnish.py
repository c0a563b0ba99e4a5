"""A Varnish of the tests' own, on a free port, with the VCL kept in the repository."""

import re
import shutil
import subprocess
import tempfile
import urllib.request
from pathlib import Path

import pytest

from tests.faults.services import ROOT, answers, free_port, wait_until

VCL = ROOT / "deploy" / "varnish" / "newsroom.vcl"
XKEY = "libvmod_xkey.so"


def find_varnishd() -> str:
    """varnishd's path, or a skip saying what is missing (.ci/run installs both packages)."""
    binary = shutil.which("varnishd") or shutil.which("varnishd", path="/usr/sbin")
    if binary is None:
        pytest.skip("varnishd is not installed (apt-get install varnish varnish-modules)")
    if not list(Path("/usr/lib").glob(f"*/varnish/vmods/{XKEY}")):
        pytest.skip("the xkey vmod is not installed (apt-get install varnish-modules)")
    return binary


class Varnish:
    """varnishd in front of a site on backend_port, as deploy/varnish/newsroom.vcl sets it up."""

    def __init__(self, port: int | None = None):
        self.binary = find_varnishd()
        self.port = port or free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="newsroom-varnish-"))
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, backend_port: int) -> None:
        # The documented VCL, with only the backend's port changed.
        vcl = re.sub(r'\.port = "\d+";', f'.port = "{backend_port}";', VCL.read_text(), count=1)
        (self.folder / "newsroom.vcl").write_text(vcl)
        self.process = subprocess.Popen(
            [self.binary, "-F", "-j", "none", "-a", f"127.0.0.1:{self.port}", "-T", "none",
             "-f", str(self.folder / "newsroom.vcl"), "-n", str(self.folder / "work"),
             "-s", "malloc,64m", "-p", "default_grace=0"],
            stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
        wait_until(lambda: answers(self.port), seconds=60, what="varnishd")

    def wait_for_backend(self) -> None:
        """Until Varnish's health probe finds the site up: started before it, Varnish may have
        marked it sick, and answers 503 until the next probe (every 5 s) succeeds."""
        wait_until(self.backend_healthy, seconds=30, what="the site behind varnishd")

    def backend_healthy(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.url}/healthz", timeout=5) as response:
                return response.status == 200
        except OSError:
            return False

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=20)
            self.process = None
        shutil.rmtree(self.folder, ignore_errors=True)


def hit(headers) -> bool:
    """Varnish answered from its cache: X-Varnish names this request and the one that fetched."""
    return len(headers.get("X-Varnish", "").split()) == 2
