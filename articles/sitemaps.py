"""Sitemaps (django.contrib.sitemaps) and a Google News sitemap, on the main address."""

from datetime import timedelta
from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.db.models import Max
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from edge import keys
from edge.keys import shown
from newsroom.text import strip_invisible
from pagecache.middleware import reads_query
from sections.models import Section

from .models import Article
from .structured_data import absolute

NEWS_WINDOW = timedelta(hours=48)
NEWS_LIMIT = 1000


class CanonicalSitemap(Sitemap):
    """Every address in the sitemap is on the main domain, whichever host was asked."""

    def __init__(self, base_url: str):
        parts = urlsplit(base_url)
        self.protocol, self.domain = parts.scheme, parts.netloc

    def get_domain(self, site=None) -> str:
        return self.domain

    def index_pages(self) -> int:
        return self.paginator.num_pages


class SectionSitemap(CanonicalSitemap):
    changefreq = "hourly"

    def items(self) -> list[Section]:
        """Sections with published stories in them or below them, with the newest change."""
        latest = dict(
            Article.objects.edition()
            .order_by()
            .values_list("section__path")
            .annotate(latest=Max("modified_at"))
        )
        sections = []
        for section in Section.objects.order_by("path"):
            section.last_article = max(
                (
                    changed
                    for path, changed in latest.items()
                    if path == section.path or path.startswith(f"{section.path}/")
                ),
                default=None,
            )
            if section.last_article:
                sections.append(section)
        return sections

    def lastmod(self, section: Section):
        return section.last_article


class ArticleSitemap(CanonicalSitemap):
    limit = 5000

    def items(self):
        return (
            Article.objects.edition()
            .select_related("section")
            .only(
                "slug",
                "language",
                "translation_group",
                "published_at",
                "modified_at",
                "section__path",
            )  # fmt: skip
            .order_by("-published_at", "-pk")
        )

    def lastmod(self, article: Article):
        return article.modified_at

    def _urls(self, page, protocol, domain):
        """Each story lists its published translations as xhtml:link alternates, as its page's
        hreflang links do: one query for the whole sitemap page."""
        urls = super()._urls(page, protocol, domain)
        groups = {url["item"].translation_group for url in urls}
        versions: dict = {}
        for other in (
            Article.objects.live()
            .filter(translation_group__in=groups)
            .select_related("section")
            .only("slug", "language", "translation_group", "published_at", "section__path")
            .order_by("language")
        ):
            versions.setdefault(other.translation_group, []).append(other)
        for url in urls:
            group = versions.get(url["item"].translation_group, [])
            if len(group) < 2:
                continue
            url["alternates"] = [
                {
                    "lang_code": v.language,
                    "location": f"{protocol}://{domain}{v.get_absolute_url()}",
                }
                for v in group
            ]
            x_default = Article.x_default(group)
            url["alternates"].append(
                {"lang_code": "x-default",
                 "location": f"{protocol}://{domain}{x_default.get_absolute_url()}"}
            )  # fmt: skip
        return urls


class TagSitemap(CanonicalSitemap):
    def items(self):
        return (
            Article.objects.edition()
            .exclude(tags=None)
            .values("tags__slug")
            .annotate(last_article=Max("modified_at"))
            .order_by("tags__slug")
        )

    def location(self, item: dict) -> str:
        return reverse("articles:tag", args=[item["tags__slug"]])

    def index_pages(self) -> int:
        # Counting the tags that have published stories means grouping the whole archive;
        # all tags are an upper bound that costs nothing, and a page too many is just empty.
        return max(1, -(-Tag.objects.count() // self.limit))

    def lastmod(self, item: dict):
        return item["last_article"]


SITEMAPS = {"sections": SectionSitemap, "articles": ArticleSitemap, "tags": TagSitemap}


def _sitemaps(request: HttpRequest) -> dict[str, CanonicalSitemap]:
    shown(keys.SITEMAPS, keys.LATEST)
    base_url = request.site_settings.base_url(request)
    return {name: cls(base_url) for name, cls in SITEMAPS.items()}


def sitemap_index(request: HttpRequest) -> HttpResponse:
    """The index of every sitemap page, with the newest change to published articles."""
    base_url = request.site_settings.base_url(request)
    latest = Article.objects.edition().aggregate(latest=Max("modified_at"))["latest"]
    entries = []
    for name, sitemap in _sitemaps(request).items():
        location = absolute(base_url, reverse("articles:sitemap_section", args=[name]))
        for page in range(1, sitemap.index_pages() + 1):
            suffix = f"?p={page}" if page > 1 else ""
            entries.append({"location": f"{location}{suffix}", "lastmod": latest})
    return render(
        request, "articles/sitemap_index.xml", {"entries": entries}, content_type="application/xml"
    )


@reads_query("p")
def sitemap_section(request: HttpRequest, section: str) -> HttpResponse:
    return sitemap_views.sitemap(request, sitemaps=_sitemaps(request), section=section)


def news_sitemap(request: HttpRequest) -> HttpResponse:
    """Articles of the last 48 hours in the Google News sitemap format.

    With none, the sitemap lists the front page alone: an empty list of addresses is not a valid
    sitemap, and the front page is where the next story will be.
    """
    site = request.site_settings
    shown(keys.SITEMAPS, keys.LATEST)
    articles = (
        Article.objects.edition()
        .filter(published_at__gte=timezone.now() - NEWS_WINDOW)
        .for_listing()[:NEWS_LIMIT]
    )
    base_url = site.base_url(request)
    entries = [
        {
            "location": absolute(base_url, article.get_absolute_url()),
            "published": article.published_at,
            "title": strip_invisible(article.headline),
            "language": article.language,
        }
        for article in articles
    ]
    return render(
        request,
        "articles/news_sitemap.xml",
        {
            "entries": entries,
            "front_page": absolute(base_url, reverse("articles:home")),
            "publication": strip_invisible(site.name),
        },
        content_type="application/xml",
    )
