"""Where purges go: Varnish (xkey), Fastly, Cloudflare, or nowhere (settings.EDGE_CACHE).

Each backend sends one batch of surrogate keys per request, as its provider documents:
- Varnish: `PURGE /` (or `BAN /`) to each Varnish with the keys in an `xkey-purge` header,
  which deploy/varnish/newsroom.vcl hands to the xkey vmod (or turns into a ban);
- Fastly: `POST /service/<id>/purge` with `Fastly-Key` and {"surrogate_keys": [...]}, at most
  256 keys a request;
- Cloudflare: `POST /zones/<id>/purge_cache` with `Authorization: Bearer` and {"tags": [...]},
  at most 30 tags a request.
A backend raises PurgeFailed when a request does not get a 2xx answer.
"""

import json
import urllib.error
import urllib.request
from abc import ABC, abstractmethod
from collections.abc import Iterator

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


class PurgeFailed(Exception):
    pass


def _send(method: str, url: str, headers: dict[str, str], body: dict | None = None) -> bytes:
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers = {"Content-Type": "application/json", "Accept": "application/json"} | headers
    request = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=settings.EDGE_PURGE_TIMEOUT_SECONDS) as answer:
            return answer.read()
    except urllib.error.HTTPError as error:
        raise PurgeFailed(f"{method} {url} answered {error.code}") from error
    except (urllib.error.URLError, OSError) as error:
        raise PurgeFailed(f"{method} {url} failed: {error}") from error


class Backend(ABC):
    name = ""
    header = ""  # the response header the CDN reads keys from
    separator = " "
    batch_size = 256

    def batches(self, keys: list[str]) -> Iterator[list[str]]:
        for start in range(0, len(keys), self.batch_size):
            yield keys[start : start + self.batch_size]

    @abstractmethod
    def purge(self, keys: list[str]) -> None:
        """Send one batch; raises PurgeFailed when the edge does not take it."""


class Varnish(Backend):
    name, header = "varnish", "xkey"
    batch_size = 100  # keys in one header line

    def __init__(self):
        self.urls = [url.rstrip("/") for url in settings.EDGE_VARNISH_URLS]
        if not self.urls:
            raise ImproperlyConfigured("EDGE_CACHE=varnish needs EDGE_VARNISH_URLS.")
        self.method = settings.EDGE_VARNISH_METHOD

    def purge(self, keys: list[str]) -> None:
        for url in self.urls:  # every Varnish holds its own copy of a page
            _send(self.method, f"{url}/", {"xkey-purge": " ".join(keys)})


class Fastly(Backend):
    name, header = "fastly", "Surrogate-Key"

    def __init__(self):
        self.service, self.token = settings.EDGE_FASTLY_SERVICE_ID, settings.EDGE_FASTLY_TOKEN
        if not (self.service and self.token):
            raise ImproperlyConfigured(
                "EDGE_CACHE=fastly needs EDGE_FASTLY_SERVICE_ID and EDGE_FASTLY_TOKEN."
            )

    def purge(self, keys: list[str]) -> None:
        url = f"{settings.EDGE_FASTLY_API.rstrip('/')}/service/{self.service}/purge"
        _send("POST", url, {"Fastly-Key": self.token}, {"surrogate_keys": keys})


class Cloudflare(Backend):
    name, header, separator = "cloudflare", "Cache-Tag", ","
    batch_size = 30

    def __init__(self):
        self.zone, self.token = settings.EDGE_CLOUDFLARE_ZONE_ID, settings.EDGE_CLOUDFLARE_TOKEN
        if not (self.zone and self.token):
            raise ImproperlyConfigured(
                "EDGE_CACHE=cloudflare needs EDGE_CLOUDFLARE_ZONE_ID and EDGE_CLOUDFLARE_TOKEN."
            )

    def purge(self, keys: list[str]) -> None:
        url = f"{settings.EDGE_CLOUDFLARE_API.rstrip('/')}/zones/{self.zone}/purge_cache"
        answer = _send("POST", url, {"Authorization": f"Bearer {self.token}"}, {"tags": keys})
        try:
            if not json.loads(answer or b"{}").get("success", False):
                raise PurgeFailed(f"Cloudflare refused the purge: {answer[:200]!r}")
        except ValueError as error:
            raise PurgeFailed(
                f"Cloudflare answered something else than JSON: {answer[:200]!r}"
            ) from error


BACKENDS = {backend.name: backend for backend in (Varnish, Fastly, Cloudflare)}


def configured() -> Backend | None:
    """The backend settings.EDGE_CACHE names, or None when no CDN is in front of the site."""
    if not settings.EDGE_CACHE:
        return None
    try:
        return BACKENDS[settings.EDGE_CACHE]()
    except KeyError:
        raise ImproperlyConfigured(
            f"EDGE_CACHE={settings.EDGE_CACHE!r}: use one of {', '.join(BACKENDS)}, or leave it empty."
        ) from None
