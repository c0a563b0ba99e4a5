"""The one HTML sanitizer for editor-supplied rich text, and its allow-list.

This is the only module that imports bleach, so replacing it (bleach is
deprecated upstream; nh3 is the usual successor) stays a one-file change.
"""

import re
from html import unescape
from urllib.parse import urlsplit

import bleach
from bleach.html5lib_shim import Filter
from django.utils.html import strip_tags

ALLOWED_TAGS = frozenset(
    {
        "p", "br", "h2", "h3", "h4", "strong", "b", "em", "i", "s", "sub", "sup",
        "a", "ul", "ol", "li", "blockquote", "figure", "figcaption", "aside", "hr",
        "table", "thead", "tbody", "tr", "th", "td",
    }
)  # fmt: skip
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})
EXTERNAL_LINK_REL = "noopener noreferrer"
HIDDEN_CONTENT_TAGS = frozenset({"script", "style", "template", "noscript", "iframe", "object"})

# The body's blocks (articles.body reads them; the editor writes them, static/newsroom_admin/
# blocks.js): each is told apart by one attribute or class, and carries only plain values.
# A photo is kept as its id, never as an address: readers get it through the rendition path.
BLOCK_CLASSES = {"figure": {"pull-quote"}, "aside": {"fact-box"}}
# Per-use texts of an inline photo; empty or absent means the photo's own.
PHOTO_USE_TEXTS = {"data-caption", "data-credit", "data-alt"}
_ID = re.compile(r"[1-9][0-9]{0,17}")


def outside_address(value: str) -> bool:
    """An http(s) address of another host, as an embed may point at (never javascript: and the
    like, never a relative address, nothing a browser would read differently)."""
    if value != value.strip() or any(character.isspace() for character in value):
        return False
    parts = urlsplit(value)
    return parts.scheme in {"http", "https"} and bool(parts.hostname)


def _allow_attribute(tag: str, name: str, value: str) -> bool:
    if tag == "a":
        return name in {"href", "title"}
    if tag == "ol":
        return name == "start" and value.isdigit()
    if name == "class":
        return value in BLOCK_CLASSES.get(tag, ())
    if tag == "figure":
        if name == "data-photo":
            return _ID.fullmatch(value) is not None
        return name in PHOTO_USE_TEXTS
    if tag == "aside":
        if name == "data-story":
            return _ID.fullmatch(value) is not None
        return name == "data-embed" and outside_address(value)
    if tag in {"th", "td"}:
        return name in {"colspan", "rowspan"} and value.isdigit() and 1 <= int(value) <= 50
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


_BLOCK_END = re.compile(r"</(p|h[2-4]|li|blockquote|figcaption|aside|th|td)>|<hr>", re.IGNORECASE)


def html_to_text(html: str) -> str:
    """The words of sanitized HTML, one line per paragraph: for search, snippets and diffs."""
    return unescape(strip_tags(_BLOCK_END.sub("\n", html or ""))).strip()
