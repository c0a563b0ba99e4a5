from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.paginator import InvalidPage, Page
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.encoding import iri_to_uri
from django.utils.http import http_date
from django.utils.translation import get_language
from django.views.decorators.cache import cache_control, never_cache
from taggit.models import Tag

from edge.keys import CORRECTIONS, LATEST, shown
from newsroom import languages
from pagecache.memo import content_changed_at
from pagecache.middleware import reads_query
from sections.models import Section, SectionTree

from . import reading, search, services, structured_data
from .forms import SearchForm
from .front_page import FrontPage
from .models import Article, Author, Correction
from .pagination import DeferredJoinPaginator, KeysetPage, keyset_page
from .sections import sections

# Apps that add to the article page (live coverage: its stream of entries) append a function
# here, called with the request, the story and the page's context before it is drawn.
page_extras: list[Callable[[HttpRequest, reading.Story, dict], None]] = []


def listing_page(request: HttpRequest, listing: QuerySet) -> KeysetPage:
    """A page of a newest-first listing, before or after a story; an unknown one is a 404."""
    return keyset_page(listing, request.GET, settings.ARTICLES_PER_PAGE)


def numbered_page(request: HttpRequest, results: QuerySet | search.FullTextResults) -> Page:
    """The requested page of counted results; a page that does not exist is a 404."""
    paginator = DeferredJoinPaginator(results, settings.ARTICLES_PER_PAGE)
    try:
        return paginator.page(request.GET.get("page") or 1)
    except InvalidPage as error:
        raise Http404("No such page.") from error


def section_keys(tree, section) -> list[str]:
    """A section's list shows its subsections' stories too: it changes when theirs do."""
    return [f"section:{each.pk}" for each in tree.subtree(section)]


def home(request: HttpRequest) -> HttpResponse:
    site = request.site_settings
    shown(LATEST)
    return render(
        request,
        "articles/home.html",
        {
            "front": FrontPage.build(sections(request)),
            "structured_data": [structured_data.website(site, site.base_url(request))],
        },
    )


def section_listing(request: HttpRequest, path: str) -> tuple[SectionTree, Section, KeysetPage]:
    """The section at this path and the page of its stories the query asks for (404 if none),
    named for the CDN: the full and the text section pages both show it."""
    tree = sections(request)
    if (section := tree.get(path)) is None:
        raise Http404("No such section.")
    page = listing_page(request, Article.objects.edition().in_section(section, tree).for_listing())
    shown(
        *section_keys(tree, section),
        *(f"section-name:{each.pk}" for each in tree.ancestors_and_self(section)),
    )
    return tree, section, page


@reads_query("before", "after")
def section_detail(request: HttpRequest, path: str) -> HttpResponse:
    tree, section, page = section_listing(request, path)
    breadcrumbs = tree.ancestors_and_self(section)
    base_url = request.site_settings.base_url(request)
    return render(
        request,
        "articles/section_detail.html",
        {
            "section": section,
            "breadcrumbs": breadcrumbs,
            "structured_data": [structured_data.breadcrumb_list(breadcrumbs, base_url)],
            "subsections": tree.children(section),
            "page": page,
        },
    )


# "before": older entries of a live story (live.reading).
@reads_query("before")
def article_detail(
    request: HttpRequest, section_path: str, year: int, month: int, day: int, slug: str
) -> HttpResponse:
    story = reading.live_story(slug)
    if story is None:
        # A story given a new slug keeps the links made before.
        if (renamed := Article.objects.live().formerly_at(slug).first()) is None:
            raise Http404("No such article.")
        return redirect(renamed.get_absolute_url(), permanent=True)
    article = story.article
    edition = get_language()
    if article.language != edition and (translation := story.translation_in(edition)):
        # This edition has the story in its own language: readers get that.
        return redirect(translation.get_absolute_url())
    # Addresses are compared as written (percent-encoded): slugs may be in any script. A story
    # with no translation here is shown in this edition too (in its own language, labelled).
    here = article.address_in(edition)
    if iri_to_uri(request.path) != here:
        # Old links keep working after an article moves section or is re-dated.
        return redirect(here, permanent=True)
    response = render_article(request, story)
    # The page shows more than the article (its photo's credit, bylines, related stories):
    # a cache revalidating by date must not be told an edited page is unchanged.
    modified = max(article.modified_at, content_changed_at(request))
    response["Last-Modified"] = http_date(modified.timestamp())
    return response


def article_preview(request: HttpRequest, pk: int) -> HttpResponse:
    """Any article, draft or scheduled, exactly as readers will see it: for the desk only.

    Wrapped in admin_view (see urls.py): signed in, allowed into the admin, second factor
    done where required. Then the right to see articles at all.
    """
    if not request.user.has_perm("articles.view_article"):
        raise PermissionDenied
    article = get_object_or_404(Article.objects.select_related("section", "lead_photo"), pk=pk)
    with translation.override(article.language):
        return render_article(request, reading.story(article), preview=True)


@never_cache
def shared_preview(request: HttpRequest, token: str) -> HttpResponse:
    """An unpublished article for whoever holds a signed link, until the link expires."""
    article = services.article_for_preview_token(token)
    if article is None:
        raise Http404("This preview link has expired or is not valid.")
    with translation.override(article.language):
        response = render_article(request, reading.story(article), preview=True)
    # The token is the key: never send it onwards in a Referer header.
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def render_article(
    request: HttpRequest, story: reading.Story, preview: bool = False
) -> HttpResponse:
    article = story.article
    site = request.site_settings
    base_url = site.base_url(request)
    breadcrumbs = sections(request).ancestors_and_self(article.section)
    shown(*(f"section-name:{section.pk}" for section in breadcrumbs))
    context = {
        "article": article,
        "authors": story.authors,
        "tags": story.tags,
        "corrections": story.corrections,
        "body": story.body,
        "translations": story.translations,
        "x_default": story.x_default,
        "story_language": languages.language(article.language),
        "breadcrumbs": breadcrumbs,
        "related": story.related,
        "preview": preview,
        "share": structured_data.share_card(article, base_url),
        "structured_data": [
            structured_data.news_article(story, site, base_url),
            structured_data.breadcrumb_list(breadcrumbs, base_url),
        ],
    }
    for extend in page_extras:
        extend(request, story, context)
    return render(request, "articles/article_detail.html", context)


@reads_query("before", "after")
def tag_detail(request: HttpRequest, slug: str) -> HttpResponse:
    tag = get_object_or_404(Tag, slug=slug)
    shown(f"tag:{tag.pk}")
    page = listing_page(request, Article.objects.edition().tagged(tag.pk).for_listing())
    if not page.object_list:
        # A tag used only by unpublished stories would reveal what is being worked on.
        raise Http404("No published articles with this tag.")
    return render(request, "articles/tag_detail.html", {"tag": tag, "page": page})


@reads_query("before", "after")
def author_detail(request: HttpRequest, slug: str) -> HttpResponse:
    author = get_object_or_404(Author, slug=slug)
    shown(f"author:{author.pk}")
    page = listing_page(request, Article.objects.edition().filter(authors=author).for_listing())
    if not page.object_list:
        # A new reporter's name, before their first story is out, is nobody's business.
        raise Http404("No published articles by this author.")
    return render(request, "articles/author_detail.html", {"author": author, "page": page})


@reads_query("before", "after")
def corrections(request: HttpRequest) -> HttpResponse:
    """Every correction and update on published articles, newest first."""
    shown(CORRECTIONS)
    page = listing_page(
        request,
        Correction.objects.filter(article__in=Article.objects.edition())
        .select_related("article__section")
        .order_by("-published_at", "-pk"),
    )
    return render(request, "articles/corrections.html", {"page": page})


# Kept by the reader's own browser only: a shared cache would tell others what was searched.
@cache_control(private=True, max_age=60)
def search_page(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET, sections=sections(request))
    query, results = form.results()
    page = numbered_page(request, results)
    for article in page.object_list:
        # The summary first: when it holds the match, that is the best snippet.
        article.snippet = search.snippet(f"{article.summary} {article.body_text}", query)
    return render(request, "articles/search.html", {"form": form, "query": query, "page": page})
