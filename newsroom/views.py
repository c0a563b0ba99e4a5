import posixpath

from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.cache import never_cache


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
