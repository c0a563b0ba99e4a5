from django.contrib import admin
from django.urls import path, register_converter

from . import feeds, sitemaps, views

app_name = "articles"


class AnySlug:
    """A slug in any script: letters, digits, hyphens and underscores (غزة, café, _1)."""

    regex = r"[-\w]+"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(AnySlug, "anyslug")

# The section catch-all comes last: every fixed prefix above it wins, and
# sections.models.taken_addresses keeps top-level sections off those prefixes.
urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search_page, name="search"),
    path("feed/", feeds.serve(feeds.ArticleFeed), name="feed"),
    path("tags/<anyslug:slug>/feed/", feeds.serve(feeds.TagFeed), name="tag_feed"),
    path("sitemap.xml", sitemaps.sitemap_index, name="sitemap"),
    path("sitemap-<section>.xml", sitemaps.sitemap_section, name="sitemap_section"),
    path("news-sitemap.xml", sitemaps.news_sitemap, name="news_sitemap"),
    path("tags/<anyslug:slug>/", views.tag_detail, name="tag"),
    path("authors/<anyslug:slug>/", views.author_detail, name="author"),
    path("corrections/", views.corrections, name="corrections"),
    path(
        "preview/articles/<int:pk>/",
        admin.site.admin_view(views.article_preview),
        name="preview",
    ),
    path("preview/shared/<str:token>/", views.shared_preview, name="shared_preview"),
    path(
        "<path:section_path>/<int:year>/<int:month>/<int:day>/<anyslug:slug>/",
        views.article_detail,
        name="detail",
    ),
    path("<path:path>/feed/", feeds.serve(feeds.SectionFeed), name="section_feed"),
    path("<path:path>/", views.section_detail, name="section"),
]
