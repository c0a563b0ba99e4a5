"""Addresses of the site's pages, reversed once: reader pages link dozens of stories, sections
and tags, and Django's reverse() costs more than drawing the rest of a card."""

from functools import lru_cache

from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language, override


def address(name: str, *args, language: str | None = None) -> str:
    """reverse(name, args), kept per process: a pure function of these arguments and of what
    reverse() reads (the URLconf, the script prefix, the language). The edition's prefix is the
    active language's, or `language`'s when given (a story's own edition)."""
    return _reversed(name, args, get_urlconf(), get_script_prefix(), language or get_language())


@lru_cache(maxsize=20_000)
def _reversed(name: str, args: tuple, urlconf, prefix: str, language: str | None) -> str:
    with override(language):
        return reverse(name, urlconf=urlconf, args=args)
