"""Where a page's text version is, and where a text page's full version is."""

from django.http import HttpRequest
from django.utils import timezone

from articles.models import Article
from newsroom import languages
from newsroom.addresses import address

# Full reader pages whose text version has the same arguments, by URL name.
SAME_ARGUMENTS = {"articles:home": "textedition:home", "articles:section": "textedition:section"}


def article_address(article: Article, language: str | None = None) -> str:
    """The article's text page in an edition (its own by default)."""
    local = timezone.localtime(article.published_at)
    return address(
        "textedition:detail",
        article.section.path,
        local.year,
        f"{local.month:02d}",
        f"{local.day:02d}",
        article.slug,
        language=language or article.language,
    )


def section_address(section) -> str:
    """A section's text page in the active edition."""
    return address("textedition:section", section.path)


def text_version(request: HttpRequest) -> str:
    """The text edition's page for the full page being drawn: the same story or section, or
    the edition's text front page for pages it has no version of (tags, search, errors)."""
    match = getattr(request, "resolver_match", None)
    if match is not None:
        if match.view_name == "articles:detail":
            return address("textedition:detail", *match.kwargs.values())
        if match.view_name in SAME_ARGUMENTS:
            return address(SAME_ARGUMENTS[match.view_name], *match.kwargs.values())
    # Error pages are drawn without the URLconf: the edition's home is known without it.
    return f"{languages.language().home}text/"
