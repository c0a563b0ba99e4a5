from django.http import HttpResponse
from django.urls import path
from django.views.decorators.cache import never_cache

from newsroom.urls import urlpatterns as site_urlpatterns

BARE_HTML = ("<!doctype html><title>bare</title>" + "<p>" + "x" * 1020 + "</p>" * 1) * 40


@never_cache  # the framework's limit: our page cache keeps out of its way
def bare(request):
    """The framework's limit: a fixed 40 KB page from a Django view, no database, no template."""
    return HttpResponse(BARE_HTML)


urlpatterns = [path("bench/bare/", bare), *site_urlpatterns]
