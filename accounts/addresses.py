"""Which address a request comes from, for throttling: the one place that reads it."""

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """The client's address: the connection's, or behind the proxies we run, the address the
    first of them saw.

    Each proxy appends the address it was contacted from to X-Forwarded-For, so the entry
    PROXY_COUNT places from the right is the client's; anything to its left is whatever the
    client chose to send and is never trusted. (django-ipware's proxy count needs the header to
    hold exactly that many entries and otherwise falls back to the proxy's own address, which
    would lock the whole desk out after a few guesses from anywhere.)
    """
    remote = request.META.get("REMOTE_ADDR", "")
    if not settings.BEHIND_PROXY:
        return remote
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    hops = [hop for hop in hops if hop]
    if len(hops) < settings.PROXY_COUNT:
        return remote
    return hops[-settings.PROXY_COUNT]
