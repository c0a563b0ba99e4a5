"""The live story's page: the article page (articles.views) with its stream of entries."""

from django.conf import settings
from django.http import HttpRequest

from articles.reading import Story
from articles.structured_data import absolute
from newsroom.addresses import address
from newsroom.html import html_to_text

from .reading import Stream, coverages, stream


def extend_article_page(request: HttpRequest, story: Story, context: dict) -> None:
    """Add the stream to a live story's page, say LiveBlogPosting to search engines, and keep
    the page briefly while coverage runs (a CDN must not hold it for minutes)."""
    found = coverages(request).get(story.article.pk)
    if found is None or context.get("preview"):
        return
    live = stream(found, request.GET)
    context["live"] = live
    context["live_urls"] = {
        name: address(f"live:{name}", found.pk) for name in ("check", "latest", "feed")
    }
    context["live_poll_seconds"] = settings.LIVE_POLL_SECONDS
    base_url = request.site_settings.base_url(request)
    context["structured_data"][0] = live_blog_posting(context["structured_data"][0], live, base_url)
    if found.is_running:
        request.page_cache_seconds = settings.LIVE_PAGE_SECONDS


def live_blog_posting(news_article: dict, live: Stream, base_url: str) -> dict:
    """The story's JSON-LD as a LiveBlogPosting, with its newest entries as BlogPostings."""
    url = news_article["url"]
    updates = []
    for shown in [*live.pinned, *live.entries][: settings.LIVE_STRUCTURED_UPDATES]:
        entry = shown.entry
        update = {
            "@type": "BlogPosting",
            "datePublished": entry.published_at.isoformat(),
            "dateModified": entry.updated_at.isoformat(),
            "articleBody": html_to_text(entry.body_html),
            "url": f"{url}#entry-{entry.pk}",
        }
        if entry.title:
            update["headline"] = entry.title
        if shown.authors:
            update["author"] = [
                {"@type": "Person", "name": a.name, "url": absolute(base_url, a.get_absolute_url())}
                for a in shown.authors
            ]
        updates.append(update)
    data = news_article | {
        "@type": "LiveBlogPosting",
        "coverageStartTime": live.coverage.started_at.isoformat(),
        "liveBlogUpdate": updates,
    }
    if live.coverage.ended_at:
        data["coverageEndTime"] = live.coverage.ended_at.isoformat()
    return data
