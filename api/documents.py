"""What the API says about each thing readers see: plain data from the rows the views read.

Photos only as renditions (media.renditions, the one path), never the original; "modified" is
Article.modified_at; addresses are absolute, on the site's main address.
"""

from functools import lru_cache

from articles.models import Article, Author, Correction
from live.reading import ShownEntry
from media import renditions
from media.models import Photo
from newsroom.html import html_to_text
from sections.models import Section, SectionTree


def absolute(base_url: str, address: str) -> str:
    return f"{base_url}{address}" if address.startswith("/") else address


@lru_cache(maxsize=4096)
def _renditions(source: renditions.Source, base_url: str) -> list[dict]:
    """Every rendition of a photo, once per process and address: names come from the photo's
    own fields. Shared between answers: never changed after."""
    storage = Photo._meta.get_field("image").storage
    return [
        {
            "role": r.role,
            "format": r.format,
            "url": absolute(base_url, storage.url(r.name)),
            "width": r.width,
            "height": r.height,
        }
        for r in renditions.plan(source)
    ]


def photo(shown: Photo | None, base_url: str, caption: str = "", alt: str = "") -> dict | None:
    if shown is None:
        return None
    return {
        "caption": caption or shown.caption,
        "credit": shown.credit,
        "alt": alt or shown.alt_text,
        "width": shown.width,
        "height": shown.height,
        "renditions": _renditions(shown.source, base_url),
    }


def section(shown: Section, base_url: str) -> dict:
    return {
        "id": shown.pk,
        "name": shown.name,
        "path": shown.path,
        "url": absolute(base_url, shown.get_absolute_url()),
    }


def section_tree(tree: SectionTree, base_url: str) -> list[dict]:
    def branch(node: Section) -> dict:
        return {
            **section(node, base_url),
            "children": [branch(child) for child in tree.children(node)],
        }

    return [branch(top) for top in tree.in_path_order() if top.parent_id is None]


def author(shown: Author, base_url: str) -> dict:
    return {
        "id": shown.pk,
        "name": shown.name,
        "slug": shown.slug,
        "bio": shown.bio,
        "url": absolute(base_url, shown.get_absolute_url()),
    }


def tag(shown, base_url: str) -> dict:
    return {
        "id": shown.pk,
        "name": shown.name,
        "slug": shown.slug,
        "url": f"{base_url}/tags/{shown.slug}/",
    }


def article(shown: Article, tree: SectionTree, authors: list, tags: list, base_url: str) -> dict:
    """An article as listings give it: everything but its body."""
    trail = tree.ancestors_and_self(shown.section) or [shown.section]
    path = shown.get_absolute_url()
    return {
        "id": shown.pk,
        "headline": shown.headline,
        "summary": shown.summary,
        "language": shown.language,
        "url": absolute(base_url, path),
        "path": path,
        "section": section(shown.section, base_url),
        "section_path": [part.name for part in trail],
        "authors": [author(one, base_url) for one in authors],
        "tags": [tag(one, base_url) for one in tags],
        "published_at": shown.published_at,
        "modified_at": shown.modified_at,
        "editors_choice": shown.editors_choice,
        "lead_photo": photo(shown.lead_photo, base_url, shown.lead_caption, shown.lead_alt),
    }


def live_entry(shown: ShownEntry, base_url: str) -> dict:
    entry = shown.entry
    return {
        "id": entry.pk,
        "url": absolute(base_url, entry.get_absolute_url()),
        "title": entry.title,
        "body_html": str(shown.body),
        "body_text": html_to_text(shown.body),
        "pinned": entry.pinned or None,
        "published_at": entry.published_at,
        "updated_at": entry.updated_at,
        "correction": entry.correction,
        "authors": [author(byline, base_url) for byline in shown.authors],
    }


def correction(note: Correction, base_url: str) -> dict:
    return {
        "id": note.pk,
        "kind": note.kind,
        "text": note.text,
        "published_at": note.published_at,
        "article_id": note.article_id,
        "article_url": absolute(base_url, note.article.get_absolute_url()),
    }
