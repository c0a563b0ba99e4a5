import pytest

from .standin import StandIn


@pytest.fixture
def stand_in():
    server = StandIn()
    yield server
    server.close()


@pytest.fixture
def fastly(settings, stand_in):
    """The site behind Fastly, whose API is the local stand-in."""
    settings.EDGE_CACHE = "fastly"
    settings.EDGE_FASTLY_API = stand_in.url
    settings.EDGE_FASTLY_SERVICE_ID = "SU1Z0isxPaozGVKXdv0eY"
    settings.EDGE_FASTLY_TOKEN = "fastly-test-token"
    settings.EDGE_SECONDS, settings.EDGE_STALE_SECONDS = 14400, 60
    return stand_in


@pytest.fixture
def cloudflare(settings, stand_in):
    """The site behind Cloudflare, whose API is the local stand-in."""
    settings.EDGE_CACHE = "cloudflare"
    settings.EDGE_CLOUDFLARE_API = f"{stand_in.url}/client/v4"
    settings.EDGE_CLOUDFLARE_ZONE_ID = "023e105f4ecef8ad9ca31a8372d0c353"
    settings.EDGE_CLOUDFLARE_TOKEN = "cloudflare-test-token"
    return stand_in


@pytest.fixture
def varnish_standin(settings, stand_in):
    """The site behind two Varnish instances (both the stand-in), purged with PURGE and xkey."""
    settings.EDGE_CACHE = "varnish"
    settings.EDGE_VARNISH_URLS = [stand_in.url, f"{stand_in.url}/"]
    return stand_in
