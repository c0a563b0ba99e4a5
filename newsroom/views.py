import posixpath
import sys

from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.views import defaults
from django.views.decorators.cache import never_cache

from .editions import edition_in


@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """200 when the app can reach its database, 503 otherwise: for load balancers and monitors."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return HttpResponse("database unreachable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


def robots_txt(request: HttpRequest) -> HttpResponse:
    """Crawlers keep out of the desk, previews and searches, and find the sitemaps."""
    base_url = request.site_settings.base_url(request)
    # The folder both kinds of preview live in.
    previews = posixpath.commonpath(
        [reverse("articles:preview", args=[1]), reverse("articles:shared_preview", args=["x"])]
    )
    lines = [
        "User-agent: *",
        f"Disallow: {reverse('admin:index')}",
        f"Disallow: {previews}/",
        f"Disallow: {reverse('articles:search')}",
        "",
        f"Sitemap: {base_url}{reverse('articles:sitemap')}",
        f"Sitemap: {base_url}{reverse('articles:news_sitemap')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


# Seconds a reader or editor is asked to wait when the database does not answer.
RETRY_AFTER_SECONDS = 30


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 handler: when the database is what failed, a plain 503 that says to come back.

    Drawn without the database (static files only), as the 400 and 500 pages are. Editors are
    told that what they were typing is kept in their browser until the server answers again.
    """
    error = sys.exc_info()[1]
    if not isinstance(error, DatabaseError):
        return defaults.server_error(request)
    try:
        for_the_desk = request.path.startswith(reverse("admin:index"))
    except NoReverseMatch:
        for_the_desk = False
    # In the edition of the address: the failure may come before EditionMiddleware has run.
    language = (
        translation.get_language_from_request(request) if for_the_desk
        else edition_in(request.path_info)
    )  # fmt: skip
    with translation.override(language):
        page = render_to_string("503.html", {"for_the_desk": for_the_desk})
    response = HttpResponse(page, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response
