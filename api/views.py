"""The read API, /api/v1/ (issue #17): what readers see, as JSON, for apps and partners.

Every answer starts from Article.objects.live() (or edition()): no draft, working copy or
note of the desk can reach it. Answers go through the page cache like pages (keyed by the
parameters below, dropped at every content change), with ETag, Cache-Control and 304; the
gateway (api.gateway) counts requests and allows other origins.
"""

import json
from collections import defaultdict

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import InvalidPage
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Exists, OuterRef, prefetch_related_objects
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.urls import Resolver404, resolve
from django.utils import translation
from ninja import NinjaAPI, Query, Status
from ninja.errors import ValidationError
from taggit.models import Tag, TaggedItem

from articles import reading, search
from articles.forms import SearchForm
from articles.models import Article, Author, Correction
from articles.pagination import DeferredJoinPaginator, KeysetPage, keyset_page
from articles.sections import sections
from edge.keys import shown
from live import reading as live
from newsroom.editions import edition_in
from pagecache.memo import per_generation
from sections.models import SectionTree

from . import documents, schemas

api = NinjaAPI(
    title="Newsroom read API",
    version="1",
    description="Published stories, sections, tags, authors, search and corrections, as "
    "readers see them. Open to all; an API key (header X-Api-Key) raises the rate limit.",
    urls_namespace="api",
    docs_url=None,
)
# Every parameter any endpoint reads: the page cache keys answers by these only.
QUERY_PARAMETERS = frozenset(
    {"cursor", "limit", "section", "tag", "author", "language", "updated_since", "q", "page",
     "path"}
)  # fmt: skip
ERRORS = {400: schemas.Error, 404: schemas.Error}


@api.exception_handler(ValidationError)
def bad_parameters(request: HttpRequest, error: ValidationError) -> HttpResponse:
    """Parameters that do not fit get a 400 saying which, never a 500 (nor a 422)."""
    problems = [
        {"parameter": ".".join(str(part) for part in item.get("loc", [])[1:]), "error": item["msg"]}
        for item in error.errors
    ]
    return api.create_response(
        request, {"detail": "Bad parameters.", "errors": problems}, status=400
    )


def answer(data) -> HttpResponse:
    """JSON written directly: the largest answers skip validating what the code just built
    (tests check them against the schema), which took most of a list's time."""
    return HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )


def base_url(request: HttpRequest) -> str:
    return request.site_settings.base_url(request)


def all_sections(request: HttpRequest) -> SectionTree:
    """Every section, for filters and trails whatever the story's language (once per content
    generation in each process)."""
    return per_generation(request, "api:all_sections", SectionTree.load)


def listed(request: HttpRequest, rows: list[Article]) -> list[dict]:
    """Stories as lists give them, with their bylines and tags in one query each.

    Read by hand, not with prefetch_related: taggit's prefetch builds a queryset per story,
    which took two thirds of a list's time; and as plain values, one object per author or tag
    however many stories share it (making a model object of every link took a fifth).
    """
    ids = [row.pk for row in rows]
    authors, tags = defaultdict(list), defaultdict(list)
    people, labels = {}, {}
    if ids:
        for article_id, pk, name, slug, bio in (
            Article.authors.through.objects.filter(article_id__in=ids)
            .order_by("author__name", "author__pk")
            .values_list("article_id", "author_id", "author__name", "author__slug", "author__bio")
        ):
            if pk not in people:
                people[pk] = Author(pk=pk, name=name, slug=slug, bio=bio)
            authors[article_id].append(people[pk])
        for object_id, pk, name, slug in (
            TaggedItem.objects.filter(
                content_type=ContentType.objects.get_for_model(Article), object_id__in=ids
            )
            .order_by("tag__name", "tag__pk")
            .values_list("object_id", "tag_id", "tag__name", "tag__slug")
        ):
            if pk not in labels:
                labels[pk] = Tag(pk=pk, name=name, slug=slug)
            tags[object_id].append(labels[pk])
    # A byline or tag renamed must leave the CDN too (edge keys, as the story page says).
    shown(*(f"author:{pk}" for pk in people), *(f"tag:{pk}" for pk in labels))
    tree, base = all_sections(request), base_url(request)
    return [documents.article(row, tree, authors[row.pk], tags[row.pk], base) for row in rows]


def keyset(queryset, cursor: str | None, limit: int) -> KeysetPage:
    """A page older than the cursor; past the oldest story, an empty page."""
    try:
        return keyset_page(queryset, QueryDict(mutable=True) | {"before": cursor or ""}, limit)
    except Http404:
        return KeysetPage([], None, None)


@api.get("/articles", response={200: schemas.ArticlePage, **ERRORS}, tags=["articles"])
def articles(request: HttpRequest, filters: Query[schemas.ArticleFilters]):
    """Published stories, newest first, a page at a time (by cursor: the same cost at any
    depth)."""
    stories = Article.objects.live()
    if filters.language:
        stories = stories.filter(language=filters.language)
    if filters.section:
        tree = all_sections(request)
        if (section := tree.get(filters.section)) is None:
            return Status(404, {"detail": "No such section."})
        stories = stories.in_section(section, tree)
    if filters.tag:
        stories = stories.filter(
            pk__in=TaggedItem.objects.filter(
                tag__slug=filters.tag, content_type__model="article",
                content_type__app_label="articles",
            ).values("object_id")
        )  # fmt: skip
    if filters.author:
        stories = stories.filter(authors__slug=filters.author)
    if filters.updated_since:
        stories = stories.filter(modified_at__gte=filters.updated_since)
    page = keyset(stories.for_listing(), filters.cursor, filters.limit)
    return answer({"items": listed(request, page.object_list), "next": page.older})


DETAIL = Article.objects.select_related("section", "lead_photo").defer(
    "body", "search_vector", "search_title_vector"
)


def detail(request: HttpRequest, article: Article) -> dict:
    story = reading.story(article)
    base = base_url(request)
    for note in story.corrections:
        note.article = article  # the story itself: no query per correction
    return {
        **documents.article(article, all_sections(request), story.authors, story.tags, base),
        "body_html": str(story.body),
        "body_text": article.body_text,
        "corrections": [documents.correction(note, base) for note in story.corrections],
        "translations": [
            {
                "id": other.pk,
                "language": other.language,
                "url": documents.absolute(base, other.get_absolute_url()),
            }
            for other in story.translations
        ],  # fmt: skip
    }


@api.get("/articles/by-path", response={200: schemas.ArticleDetail, **ERRORS}, tags=["articles"])
def article_by_path(request: HttpRequest, query: Query[schemas.PathQuery]):
    """A published story by its address on the site (any edition, full or text page)."""
    path = query.path.split("?", 1)[0]
    with translation.override(edition_in(path)):
        try:
            match = resolve(path)
        except Resolver404:
            match = None
    if match is None or match.view_name not in {"articles:detail", "textedition:detail"}:
        return Status(404, {"detail": "No story at that address."})
    article = DETAIL.filter(pk__in=Article.objects.live().filter(slug=match.kwargs["slug"]))
    if (found := article.first()) is None:
        return Status(404, {"detail": "No story at that address."})
    return answer(detail(request, found))


@api.get("/articles/{int:article_id}", response={200: schemas.ArticleDetail, **ERRORS},
         tags=["articles"])  # fmt: skip
def article(request: HttpRequest, article_id: int):
    """A published story with its body (HTML and plain text), corrections and translations."""
    found = DETAIL.filter(pk__in=Article.objects.live().filter(pk=article_id)).first()
    if found is None:
        return Status(404, {"detail": "No such story."})
    return answer(detail(request, found))


@api.get("/articles/{int:article_id}/live", response={200: schemas.LiveStream, **ERRORS},
         tags=["live"])  # fmt: skip
def live_stream(request: HttpRequest, article_id: int, paging: Query[schemas.CursorPaging]):
    """A live story's entries as its page shows them: pinned ones on the first page, then the
    newest, a page at a time (by cursor, like the page's "Older updates")."""
    coverage = live.coverages(request).get(article_id)
    found = None
    if coverage is not None:
        found = DETAIL.filter(pk__in=Article.objects.live().filter(pk=article_id)).first()
    if found is None:
        return Status(404, {"detail": "No live coverage on that story."})
    try:
        page = live.stream(coverage, QueryDict(mutable=True) | {"before": paging.cursor or ""})
    except Http404:  # past the oldest entry
        page = None
    base = base_url(request)
    return answer({
        "article_id": found.pk,
        "article_url": documents.absolute(base, found.get_absolute_url()),
        "running": coverage.is_running,
        "started_at": coverage.started_at,
        "ended_at": coverage.ended_at,
        "pinned": [documents.live_entry(entry, base) for entry in page.pinned] if page else [],
        "items": [documents.live_entry(entry, base) for entry in page.entries] if page else [],
        "next": page.page.older if page else None,
    })  # fmt: skip


@api.get("/sections", response=list[schemas.SectionNode], tags=["sections"])
def section_tree(request: HttpRequest, edition: Query[schemas.EditionFilter]):
    """The sections an edition's readers can reach (those with stories), as a tree."""
    with translation.override(edition.language):
        return documents.section_tree(sections(request), base_url(request))


@api.get("/tags", response=schemas.TagPage, tags=["tags"])
def tags(request: HttpRequest, paging: Query[schemas.IdPaging]):
    """Tags on published stories, in the order they were made."""
    used = TaggedItem.objects.filter(
        tag=OuterRef("pk"),
        content_type__app_label="articles",
        content_type__model="article",
        object_id__in=Article.objects.live().values("pk"),
    )
    rows = Tag.objects.filter(Exists(used)).order_by("pk")
    return by_id(rows, paging, lambda row: documents.tag(row, base_url(request)))


@api.get("/authors", response=schemas.AuthorPage, tags=["authors"])
def authors(request: HttpRequest, paging: Query[schemas.IdPaging]):
    """Authors of published stories."""
    rows = Author.objects.filter(
        Exists(Article.objects.live().filter(authors=OuterRef("pk")))
    ).order_by("pk")
    return by_id(rows, paging, lambda row: documents.author(row, base_url(request)))


def by_id(rows, paging: schemas.IdPaging, document) -> dict:
    if paging.cursor:
        rows = rows.filter(pk__gt=int(paging.cursor))
    found = list(rows[: paging.limit + 1])
    more = len(found) > paging.limit
    found = found[: paging.limit]
    return {
        "items": [document(row) for row in found],
        "next": str(found[-1].pk) if more else None,
    }


@api.get("/corrections", response=schemas.CorrectionPage, tags=["corrections"])
def corrections(request: HttpRequest, filters: Query[schemas.CorrectionFilters]):
    """Corrections and updates on published stories, newest first."""
    stories = Article.objects.live()
    if filters.language:
        stories = stories.filter(language=filters.language)
    notes = Correction.objects.filter(article__in=stories).select_related("article__section")
    page = keyset(notes, filters.cursor, filters.limit)
    base = base_url(request)
    return {
        "items": [documents.correction(note, base) for note in page.object_list],
        "next": page.older,
    }


@api.get("/search", response={200: schemas.SearchPage, **ERRORS}, tags=["search"])
def search_articles(
    request: HttpRequest, response: HttpResponse, filters: Query[schemas.SearchFilters]
):
    """Published stories of an edition matching words, best first (numbered pages)."""
    # Like the search page: kept by the asking client only, never in a shared cache.
    response["Cache-Control"] = "private, max-age=60"
    with translation.override(filters.language):
        form = SearchForm({"q": filters.q}, sections=sections(request))
        query, results = form.results()
        paginator = DeferredJoinPaginator(results, settings.ARTICLES_PER_PAGE)
        try:
            page = paginator.page(filters.page)
        except InvalidPage:
            return Status(400, {"detail": "No such page of results."})
        rows = list(page.object_list)
        prefetch_related_objects(rows, "lead_photo")
        items = listed(request, rows)
    for item, row in zip(items, rows, strict=True):
        item["snippet"] = str(search.snippet(f"{row.summary} {row.body_text}", query))
    return answer(
        {
            "items": items,
            "count": paginator.count,
            "page": page.number,
            "pages": paginator.num_pages,
        }
    )


def urls():
    """The API's addresses, each telling the page cache which query parameters it reads."""
    patterns, app_name, namespace = api.urls
    for pattern in patterns:
        pattern.callback.query_parameters = QUERY_PARAMETERS
    return patterns, app_name, namespace
