"""Writing the public site as static files anyone can host (issue #17).

Pages are drawn by the site itself, as an anonymous reader gets them (Django's test client
through every middleware), starting from each edition's front page, text edition, feeds,
sitemaps and corrections and following every link to a page of the site. Each page's links to
pages, stylesheets and photos become relative file names, so the copy works from any host,
any folder, file:// or an IPFS gateway; links the copy cannot serve (search, the desk) point to
the main address. Canonical links stay absolute on purpose.

A second run writes only files whose bytes changed and removes files of pages that are gone
(an unpublished story); manifest.json lists every file with its SHA-256, signed with the site's
Ed25519 key (mirror.signing).
"""

import hashlib
import json
import os
import posixpath
import re
import time
from collections import deque
from dataclasses import dataclass, field
from html import escape, unescape
from pathlib import Path
from urllib.parse import quote, unquote

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.files.storage import default_storage
from django.test import Client
from django.urls import Resolver404, resolve
from django.utils import timezone, translation

from newsroom import languages
from newsroom.editions import edition_in
from siteinfo.models import SiteSettings

from . import signing
from .verification import MANIFEST, SIGNATURE

# Pages of the site a copy holds, by URL name; every other address stays on the main address.
EXPORTED_VIEWS = {
    "articles:home", "articles:feed", "articles:tag_feed", "articles:sitemap",
    "articles:sitemap_section", "articles:news_sitemap", "articles:tag", "articles:author",
    "articles:corrections", "articles:detail", "articles:section_feed", "articles:section",
    "textedition:home", "textedition:detail", "textedition:section", "live:feed",
}  # fmt: skip
FEEDS = {"articles:feed", "articles:tag_feed", "articles:section_feed", "live:feed"}
# A live entry's permalink redirects to the page holding it; in a copy, the entry on this page.
ENTRY_PERMALINK = re.compile(r"^(?:/[a-z]{2})?/live/entries/(?P<pk>\d+)/$")
LINK = re.compile(r'(?P<name>href|src|action)="(?P<url>[^"]*)"')
SRCSET = re.compile(r'srcset="(?P<value>[^"]*)"')
XML_LOC = re.compile(r"<loc>([^<]+\.xml)</loc>")


@dataclass
class Result:
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0
    files: int = 0
    bytes: int = 0
    seconds: float = 0.0


class Exporter:
    def __init__(self, directory: Path, key):
        self.directory = directory
        self.key = key
        site = SiteSettings.load()
        # Pages are asked for on a host the site answers; their absolute links name the main
        # address (Site settings) whichever host that is.
        hosts = [host.lstrip(".") for host in settings.ALLOWED_HOSTS if host != "*"]
        self.host = hosts[0] if hosts else "localhost"
        self.main_address = site.main_address.rstrip("/") or f"https://{self.host}"
        self.old = self.read_manifest()
        self.files: dict[str, str] = {}
        self.result = Result()
        # A session cookie keeps these requests out of the page cache (readers' pages stay).
        self.client = Client(HTTP_HOST=self.host, enforce_csrf_checks=True)
        self.client.cookies[settings.SESSION_COOKIE_NAME] = "mirror-export"

    def read_manifest(self) -> dict[str, str]:
        try:
            return json.loads((self.directory / MANIFEST).read_bytes())["files"]
        except (OSError, ValueError, KeyError):
            return {}

    # Which file holds which address.

    @staticmethod
    def file_for(path: str, query: str = "", view: str = "") -> str:
        """The copy's file for a page: /news/ is news/index.html, /news/?before=X is
        news/index.before-X.html, /feed/ is feed/index.xml."""
        path = unquote(path).lstrip("/")
        if path == "" or path.endswith("/"):
            suffix = "." + re.sub(r"[^\w-]", "-", query) if query else ""
            path += f"index{suffix}.{'xml' if view in FEEDS else 'html'}"
        return path

    @staticmethod
    def exported(path: str) -> str | None:
        """The URL name of the page at this address if a copy holds it, else None."""
        try:
            with translation.override(edition_in(path)):
                match = resolve(path)
        except Resolver404:
            return None
        return match.view_name if match.view_name in EXPORTED_VIEWS else None

    # The crawl.

    def run(self) -> Result:
        started = time.monotonic()
        self.directory.mkdir(parents=True, exist_ok=True)
        queue, seen = deque(), set()

        def enqueue(address: str) -> None:
            if address not in seen:
                seen.add(address)
                queue.append(address)

        for edition in languages.editions():
            for page in ("", "text/", "feed/", "corrections/", "sitemap.xml", "news-sitemap.xml"):
                enqueue(f"{edition.home}{page}")
        while queue:
            self.page(queue.popleft(), enqueue)
        self.copy_public_key()
        self.remove_gone()
        self.write_manifest()
        self.result.seconds = time.monotonic() - started
        return self.result

    def page(self, address: str, enqueue) -> None:
        path, _, query = address.partition("?")
        response = self.client.get(address, secure=True)
        if response.status_code != 200:
            return
        content_type = response.get("Content-Type", "")
        name = self.file_for(path, query, self.exported(path) or "")
        body = response.content
        if "html" in content_type:
            body = self.relative_html(body.decode(), path, name, enqueue).encode()
        elif "xml" in content_type:
            for found in XML_LOC.findall(body.decode()):
                if found.startswith(self.main_address):
                    enqueue(found.removeprefix(self.main_address))
        self.store(name, body)

    def relative_html(self, html: str, page_path: str, name: str, enqueue) -> str:
        here = posixpath.dirname(name)

        def target(url: str) -> str:
            raw = unescape(url)
            if raw.startswith("?"):
                raw = f"{page_path}{raw}"
            if not raw.startswith("/") or raw.startswith("//"):
                return url  # another host, the canonical address, a fragment, mailto:
            path, _, rest = raw.partition("#")[0].partition("?")
            fragment = raw.partition("#")[2]
            if path.startswith(settings.STATIC_URL):
                file = self.copy_static(path)
            elif path.startswith(settings.MEDIA_URL):
                file = self.copy_media(path)
            elif path == f"/{signing.PUBLIC_KEY_PATH}":
                file = signing.PUBLIC_KEY_PATH
            elif entry := ENTRY_PERMALINK.match(path):
                return f"#entry-{entry['pk']}"
            elif (view := self.exported(path)) and not rest.startswith("q="):
                enqueue(f"{path}?{rest}" if rest else path)
                file = self.file_for(path, rest, view)
            else:
                return escape(f"{self.main_address}{raw}")
            if file is None:
                return escape(f"{self.main_address}{raw}")
            relative = posixpath.relpath(file, here or ".")
            return escape(quote(relative) + (f"#{fragment}" if fragment else ""))

        def link(match: re.Match) -> str:
            return f'{match["name"]}="{target(match["url"])}"'

        def srcset(match: re.Match) -> str:
            parts = []
            for candidate in unescape(match["value"]).split(","):
                url, _, size = candidate.strip().partition(" ")
                parts.append(f"{unescape(target(url))} {size}".strip())
            return f'srcset="{escape(", ".join(parts))}"'

        return SRCSET.sub(srcset, LINK.sub(link, html))

    # Files.

    def store(self, name: str, body: bytes) -> None:
        digest = hashlib.sha256(body).hexdigest()
        self.files[name] = digest
        self.result.files += 1
        self.result.bytes += len(body)
        path = self.directory / name
        if self.old.get(name) == digest and path.is_file():
            self.result.unchanged += 1
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(body)
        self.result.written.append(name)

    def copy_named(self, name: str, opener) -> str | None:
        """A file whose name changes with its content (a rendition, a hashed stylesheet):
        copied once, then taken as it is."""
        if name in self.files:
            return name
        path = self.directory / name
        if name in self.old and path.is_file():
            self.files[name] = self.old[name]
            self.result.files += 1
            self.result.bytes += path.stat().st_size
            self.result.unchanged += 1
            return name
        try:
            with opener() as file:
                body = file.read()
        except OSError:
            return None
        self.store(name, body)
        return name

    def copy_media(self, path: str) -> str | None:
        stored = unquote(path.removeprefix(settings.MEDIA_URL))
        return self.copy_named(
            unquote(path).lstrip("/"), lambda: default_storage.open(stored, "rb")
        )

    def copy_static(self, path: str) -> str | None:
        stored = unquote(path.removeprefix(settings.STATIC_URL))
        if staticfiles_storage.exists(stored):
            source = staticfiles_storage.path(stored)
        elif (source := finders.find(stored)) is None:
            return None
        return self.copy_named(unquote(path).lstrip("/"), lambda: open(source, "rb"))

    def copy_public_key(self) -> None:
        self.store(signing.PUBLIC_KEY_PATH, signing.public_pem(self.key.public_key()))

    def remove_gone(self) -> None:
        for name in sorted(set(self.old) - set(self.files)):
            path = self.directory / name
            if path.is_file():
                path.unlink()
                self.result.removed.append(name)
            # Folders left empty (a story's) go too.
            parent = path.parent
            while parent != self.directory and parent.is_dir() and not any(parent.iterdir()):
                parent.rmdir()
                parent = parent.parent

    def write_manifest(self) -> None:
        manifest = {
            "site": self.main_address,
            "generated_at": timezone.now().isoformat(timespec="seconds"),
            "public_key": f"{self.main_address}/{signing.PUBLIC_KEY_PATH}",
            "files": dict(sorted(self.files.items())),
        }
        data = json.dumps(manifest, indent=1, ensure_ascii=False).encode()
        temporary = self.directory / f".{MANIFEST}.tmp"
        temporary.write_bytes(data)
        (self.directory / f".{SIGNATURE}.tmp").write_bytes(signing.sign(data, self.key))
        os.replace(temporary, self.directory / MANIFEST)
        os.replace(self.directory / f".{SIGNATURE}.tmp", self.directory / SIGNATURE)


def export(directory: Path, key) -> Result:
    return Exporter(directory, key).run()
