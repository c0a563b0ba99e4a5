"""A story's body: the blocks the editor stores, what the desk's checks read in them, and what
readers get.

The body is kept as sanitized HTML (newsroom.html decides what may be in it). Blocks that show
something kept elsewhere hold a reference, not a copy:

    <figure data-photo="7" data-caption="…" data-credit="…" data-alt="…"></figure>
        a photo from the library; caption, credit and alt text for this use, or the photo's own
    <aside data-story="12">Headline when inserted</aside>
        a card linking to another of our stories, showing its headline as it is now
    <aside data-embed="https://…">Title</aside>
        outside media (a video, a post), shown as a plain link: no request to another host

and the rest are plain markup: a pull quote (figure.pull-quote), a fact box (aside.fact-box),
a section break (hr), a table. Pages draw the references with what they point to now
(render), read in one query per kind (articles.reading).
"""

import re
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from media.templatetags.photos import picture

# How an inline photo is drawn: the column's width, like the lead photo's, but never first.
INLINE_PHOTO_ROLE = "lead"


@dataclass(frozen=True)
class PhotoUse:
    photo_id: int
    # This story's own texts for the photo; empty means the photo's own.
    caption: str = ""
    credit: str = ""
    alt: str = ""


@dataclass(frozen=True)
class Link:
    href: str
    text: str


@dataclass
class Outline:
    """What the body holds, in order, for checks and for keeping its references."""

    photos: list[PhotoUse] = field(default_factory=list)
    story_ids: list[int] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    # Heading levels in reading order (a fact box's title is one).
    headings: list[int] = field(default_factory=list)
    words: int = 0


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.outline = Outline()
        self.link: dict | None = None
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "figure" and attributes.get("data-photo"):
            self.outline.photos.append(
                PhotoUse(
                    int(attributes["data-photo"]),
                    caption=attributes.get("data-caption") or "",
                    credit=attributes.get("data-credit") or "",
                    alt=attributes.get("data-alt") or "",
                )
            )
        elif tag == "aside" and attributes.get("data-story"):
            self.outline.story_ids.append(int(attributes["data-story"]))
        elif tag in {"h2", "h3", "h4"}:
            self.outline.headings.append(int(tag[1]))
        elif tag == "a":
            self.link = {"href": attributes.get("href") or "", "text": []}

    def handle_endtag(self, tag):
        if tag == "a" and self.link is not None:
            text = " ".join("".join(self.link["text"]).split())
            self.outline.links.append(Link(self.link["href"], text))
            self.link = None

    def handle_data(self, data):
        self.text.append(data)
        if self.link is not None:
            self.link["text"].append(data)


def outline(body_html: str) -> Outline:
    reader = _Reader()
    reader.feed(body_html or "")
    reader.close()
    reader.outline.words = len(" ".join(reader.text).split())
    return reader.outline


# Words a reader reads in a minute, for the desk's reading time (a common estimate for news).
WORDS_PER_MINUTE = 230


def counts(body_html: str) -> dict[str, int]:
    """Words in the body and minutes of reading, as the article form shows them."""
    words = outline(body_html).words
    return {"words": words, "minutes": max(1, -(-words // WORDS_PER_MINUTE)) if words else 0}


# The sanitizer writes every attribute as name="value", so these read its output exactly.
_ATTRIBUTE = re.compile(r'([a-z-]+)="([^"]*)"')
_PHOTO = re.compile(r"<figure ([^>]*\bdata-photo=[^>]*)>.*?</figure>", re.S)
_STORY = re.compile(r"<aside ([^>]*\bdata-story=[^>]*)>.*?</aside>", re.S)
_EMBED = re.compile(r"<aside ([^>]*\bdata-embed=[^>]*)>(.*?)</aside>", re.S)
_TABLE = re.compile(r"<table>.*?</table>", re.S)


def _attributes(text: str) -> dict[str, str]:
    return {name: unescape(value) for name, value in _ATTRIBUTE.findall(text)}


def has_photos(body_html: str) -> bool:
    return "data-photo=" in body_html


def has_story_links(body_html: str) -> bool:
    return "data-story=" in body_html


def photo_text(caption: str, credit: str, alt: str) -> SafeString:
    """A photo told in words, for pages without images: its caption (or else its alt text)
    and credit."""
    words = caption or alt
    return format_html(
        '<p class="photo-note">[{}: {}{}]</p>',
        gettext("Photo"),
        words,
        format_html(" ({})", credit) if credit else "",
    )


def render(body_html: str, photos: dict, stories: dict, photos_as_text: bool = False) -> SafeString:
    """The body as readers get it: each photo through the rendition path with this use's texts,
    each link card with its story's current headline and address, each embed as a plain link,
    tables scrollable on a phone. A photo or story no longer there (taken down, unpublished)
    leaves nothing behind. With photos_as_text (the text edition) a photo is its caption,
    credit or alt text as a paragraph, and no image."""

    def photo(match: re.Match) -> str:
        found = _attributes(match.group(1))
        shown = photos.get(int(found["data-photo"]))
        if shown is None:
            return ""
        caption = found.get("data-caption") or shown.caption
        credit = found.get("data-credit") or shown.credit
        if photos_as_text:
            return photo_text(caption, credit, found.get("data-alt") or shown.alt_text)
        image = picture(shown, INLINE_PHOTO_ROLE, alt=found.get("data-alt") or shown.alt_text)
        if not caption and not credit:
            return format_html('<figure class="figure figure--inline">{}</figure>', image)
        return format_html(
            '<figure class="figure figure--inline">{}<figcaption>{}{}</figcaption></figure>',
            image,
            caption,
            format_html(' <span class="figure__credit">{}</span>', credit) if credit else "",
        )

    def story(match: re.Match) -> str:
        found = _attributes(match.group(1))
        other = stories.get(int(found["data-story"]))
        if other is None:
            return ""
        return format_html(
            '<p class="story-card"><span class="story-card__label">{}</span> '
            '<a class="story-card__link" href="{}">{}</a></p>',
            gettext("Read more:"),
            other.get_absolute_url(),
            other.headline,
        )

    def embed(match: re.Match) -> str:
        address = _attributes(match.group(1))["data-embed"]
        host = urlsplit(address).hostname or ""
        title = unescape(re.sub(r"<[^>]*>", "", match.group(2))).strip() or host
        return format_html(
            '<p class="embed-card"><a class="embed-card__link" href="{}" '
            'rel="nofollow noopener noreferrer">{}</a> <span class="embed-card__host">{}</span></p>',
            address,
            title,
            host.removeprefix("www."),
        )

    def table(match: re.Match) -> str:
        # A wide table scrolls inside its own box; a box that scrolls must take the focus.
        return format_html(
            '<div class="table-scroll" role="region" aria-label="{}" tabindex="0">{}</div>',
            gettext("Table"),
            mark_safe(match.group(0)),
        )

    html = body_html or ""
    if has_photos(html):
        html = _PHOTO.sub(photo, html)
    if has_story_links(html):
        html = _STORY.sub(story, html)
    if "data-embed=" in html:
        html = _EMBED.sub(embed, html)
    if "<table>" in html:
        html = _TABLE.sub(table, html)
    return mark_safe(html)
