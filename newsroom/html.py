"""The one HTML sanitizer for editor-supplied rich text, and its allow-list.

This is the only module that imports bleach, so replacing it (bleach is
deprecated upstream; nh3 is the usual successor) stays a one-file change.
"""

import re
from html import unescape
from urllib.parse import urlsplit

import bleach
from bleach.html5lib_shim import Filter
from django.conf import settings
from django.utils.html import strip_tags

ALLOWED_TAGS = frozenset(
    {
        "p", "br", "h2", "h3", "h4", "strong", "b", "em", "i", "s", "sub", "sup",
        "a", "ul", "ol", "li", "blockquote", "figure", "figcaption", "img",
    }
)  # fmt: skip
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})
EXTERNAL_LINK_REL = "noopener noreferrer"
HIDDEN_CONTENT_TAGS = frozenset({"script", "style", "template", "noscript", "iframe", "object"})


def _is_own_rendition(src: str) -> bool:
    """Body images come only from our own renditions: never a third party, never an original.

    The whole address must have a rendition's exact shape (media.renditions names them), so no
    encoded dots or other tricks can point an image at another page of the site.
    """
    pattern = rf"{re.escape(settings.MEDIA_URL)}renditions/[0-9a-f]{{2}}/[0-9a-f]{{20}}/\d+x\d+\.(jpg|webp|avif)"
    return re.fullmatch(pattern, src) is not None


def _allow_attribute(tag: str, name: str, value: str) -> bool:
    if tag == "a":
        return name in {"href", "title"}
    if tag == "img":
        if name == "src":
            return _is_own_rendition(value)
        if name in {"width", "height"}:
            return value.isdigit()
        return name == "alt"
    if tag == "ol":
        return name == "start" and value.isdigit()
    return False


class ExternalLinkFilter(Filter):
    """Marks links that leave the site with rel="noopener noreferrer"."""

    def __iter__(self):
        for token in super().__iter__():
            if token["type"] == "StartTag" and token["name"] == "a":
                parts = urlsplit(token["data"].get((None, "href"), ""))
                if parts.scheme in {"http", "https"} or (not parts.scheme and parts.netloc):
                    token["data"][(None, "rel")] = EXTERNAL_LINK_REL
            yield token


class DropHiddenContentFilter(Filter):
    """Drops script, style and similar elements with their content, not only their tags.

    bleach's strip=True keeps the text of a removed element, which would print
    the source of a pasted <script> as body text.
    """

    def __iter__(self):
        depth = 0
        for token in super().__iter__():
            is_hidden = token.get("name") in HIDDEN_CONTENT_TAGS
            if is_hidden and token["type"] == "StartTag":
                depth += 1
            elif is_hidden and token["type"] == "EndTag":
                depth = max(depth - 1, 0)
            elif depth == 0:
                yield token


class _Cleaner(bleach.Cleaner):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        # bleach's tokenizer turns disallowed tags into text before any filter
        # runs, so the hidden tags are let through the tokenizer (see
        # _cleaner below) and this filter removes them, content and all,
        # before the sanitizer sees the stream.
        walk = self.walker
        self.walker = lambda dom: DropHiddenContentFilter(walk(dom))


_cleaner = _Cleaner(
    tags=ALLOWED_TAGS | HIDDEN_CONTENT_TAGS,
    attributes=_allow_attribute,
    protocols=ALLOWED_PROTOCOLS,
    strip=True,
    strip_comments=True,
    filters=[ExternalLinkFilter],
)


def sanitize_html(html: str) -> str:
    """Return editor HTML reduced to the allow-list: safe to print with |safe."""
    return _cleaner.clean(html or "").strip()


_BLOCK_END = re.compile(r"</(p|h[2-4]|li|blockquote|figcaption)>", re.IGNORECASE)


def html_to_text(html: str) -> str:
    """The words of sanitized HTML, one line per paragraph: for search, snippets and diffs."""
    return unescape(strip_tags(_BLOCK_END.sub("\n", html or ""))).strip()
