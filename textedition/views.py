"""The text edition: the whole site as plain HTML for the worst connections (issue #17).

No images, no script, one small stylesheet; every page links to its full version. What it
shows is what the full pages show, read the same way (Article.objects.edition(),
articles.reading), so it is never ahead of or behind the site.
"""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.encoding import iri_to_uri
from django.utils.http import http_date
from django.utils.translation import get_language

from articles import body, reading
from articles.models import Article
from articles.sections import sections
from articles.views import listing_page, section_listing
from edge.keys import LATEST, shown
from newsroom import languages
from pagecache.memo import content_changed_at
from pagecache.middleware import reads_query

from .addresses import article_address, section_address


def with_text_addresses(rows: list) -> list:
    """Stories or sections with the address of their text page (`text_address`)."""
    for row in rows:
        row.text_address = (
            article_address(row) if isinstance(row, Article) else section_address(row)
        )
    return rows


@reads_query("before", "after")
def home(request: HttpRequest) -> HttpResponse:
    shown(LATEST)  # the newest stories, as the full front page: publishing purges it
    page = listing_page(request, Article.objects.edition().for_listing())
    with_text_addresses(page.object_list)
    return render(
        request,
        "textedition/home.html",
        {"page": page, "sections": with_text_addresses(sections(request).in_path_order())},
    )


@reads_query("before", "after")
def section_detail(request: HttpRequest, path: str) -> HttpResponse:
    tree, section, page = section_listing(request, path)
    with_text_addresses(page.object_list)
    return render(
        request,
        "textedition/section.html",
        {
            "section": section,
            "breadcrumbs": with_text_addresses(tree.ancestors_and_self(section)),
            "subsections": with_text_addresses(tree.children(section)),
            "page": page,
        },
    )


def article_detail(
    request: HttpRequest, section_path: str, year: int, month: int, day: int, slug: str
) -> HttpResponse:
    story = reading.live_story(slug, photos_as_text=True)
    if story is None:
        if (renamed := Article.objects.live().formerly_at(slug).first()) is None:
            raise Http404("No such article.")
        return redirect(article_address(renamed), permanent=True)
    article = story.article
    edition = get_language()
    if article.language != edition and (translation := story.translation_in(edition)):
        return redirect(article_address(translation))
    here = article_address(article, edition)
    if iri_to_uri(request.path) != here:
        return redirect(here, permanent=True)
    response = render(
        request,
        "textedition/article.html",
        {
            "article": article,
            "story": story,
            "story_language": languages.language(article.language),
            "full_version": article.address_in(edition),
            "section_address": section_address(article.section),
            "lead_photo": lead_photo_text(article),
        },
    )
    modified = max(article.modified_at, content_changed_at(request))
    response["Last-Modified"] = http_date(modified.timestamp())
    return response


def lead_photo_text(article: Article) -> str:
    """The lead photo told in words: caption (or alt text) and credit."""
    if article.lead_photo is None:
        return ""
    return body.photo_text(article.lead_caption, article.lead_photo.credit, article.lead_alt)
