from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.core.paginator import InvalidPage, Page, Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from taggit.models import Tag

from sections.models import Section

from . import services
from .front_page import FrontPage
from .models import Article, Author, Correction


def paginate(request: HttpRequest, queryset: QuerySet) -> Page:
    """The requested page of a listing; a page that does not exist is a 404, not an error."""
    paginator = Paginator(queryset, settings.ARTICLES_PER_PAGE)
    try:
        return paginator.page(request.GET.get("page") or 1)
    except InvalidPage as error:
        raise Http404("No such page.") from error


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "articles/home.html", {"front": FrontPage.build()})


def section_detail(request: HttpRequest, path: str) -> HttpResponse:
    section = get_object_or_404(Section, path=path)
    page = paginate(request, Article.objects.published().in_section(section).for_listing())
    return render(
        request,
        "articles/section_detail.html",
        {
            "section": section,
            "breadcrumbs": section.ancestors_and_self(),
            "subsections": section.children.order_by("position", "name"),
            "page": page,
        },
    )


def article_detail(
    request: HttpRequest, section_path: str, year: int, month: int, day: int, slug: str
) -> HttpResponse:
    article = get_object_or_404(Article.objects.published().with_related(), slug=slug)
    if request.path != (canonical := article.get_absolute_url()):
        # Old links keep working after an article moves section or is re-dated.
        return redirect(canonical, permanent=True)
    return render_article(request, article)


@never_cache
@staff_member_required
def article_preview(request: HttpRequest, pk: int) -> HttpResponse:
    """Any article, draft or scheduled, exactly as readers will see it; staff only."""
    article = get_object_or_404(Article.objects.with_related(), pk=pk)
    return render_article(request, article, preview=True)


@never_cache
def shared_preview(request: HttpRequest, token: str) -> HttpResponse:
    """An unpublished article for whoever holds a signed link, until the link expires."""
    article = services.article_for_preview_token(token)
    if article is None:
        raise Http404("This preview link has expired or is not valid.")
    response = render_article(request, article, preview=True)
    # The token is the key: never send it onwards in a Referer header.
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def render_article(request: HttpRequest, article: Article, preview: bool = False) -> HttpResponse:
    return render(
        request,
        "articles/article_detail.html",
        {
            "article": article,
            "breadcrumbs": article.breadcrumbs(),
            "related": Article.objects.published().related_to(article),
            "preview": preview,
        },
    )


def tag_detail(request: HttpRequest, slug: str) -> HttpResponse:
    tag = get_object_or_404(Tag, slug=slug)
    page = paginate(request, Article.objects.published().filter(tags=tag).for_listing())
    if not page.object_list:
        # A tag used only by unpublished stories would reveal what is being worked on.
        raise Http404("No published articles with this tag.")
    return render(request, "articles/tag_detail.html", {"tag": tag, "page": page})


def author_detail(request: HttpRequest, slug: str) -> HttpResponse:
    author = get_object_or_404(Author, slug=slug)
    page = paginate(request, Article.objects.published().filter(authors=author).for_listing())
    return render(request, "articles/author_detail.html", {"author": author, "page": page})


def corrections(request: HttpRequest) -> HttpResponse:
    """Every correction and update on published articles, newest first."""
    page = paginate(
        request,
        Correction.objects.filter(article__in=Article.objects.published())
        .select_related("article__section")
        .order_by("-published_at", "-pk"),
    )
    return render(request, "articles/corrections.html", {"page": page})
