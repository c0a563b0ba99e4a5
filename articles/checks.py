"""Checks before publishing: what stops a story going out, and what the desk is warned about.

Every check is a function registered here (other apps register theirs in their AppConfig.ready).
Checks run on the server: in the article form's validation, where each finding shows next to
its field, and again in the publishing service, so no path (a forged POST, an admin action,
a command) puts out a story that fails a blocking check. A draft can always be saved.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from media.models import Photo
from newsroom.html import sanitize_html
from siteinfo.models import SiteSettings

from . import body
from .models import Article


@dataclass(frozen=True)
class Finding:
    message: str
    # The form field it concerns ("body", "headline"…), or "" for the story as a whole.
    field: str = ""
    # Blocking findings stop Publish and Schedule; the others are warnings.
    blocking: bool = True


@dataclass
class Story:
    """What the checks look at: the article as it would be saved, and its tags by name (the
    form has them before they are stored)."""

    article: Article
    tags: list[str] | None = None

    @cached_property
    def outline(self) -> body.Outline:
        """The body's blocks as they will be stored (sanitized)."""
        return body.outline(sanitize_html(self.article.body))

    def tag_names(self) -> list[str]:
        if self.tags is not None:
            return self.tags
        return list(self.article.tags.names()) if self.article.pk else []


Check = Callable[[Story], Iterable[Finding]]
_checks: list[Check] = []


def register(check: Check) -> Check:
    """Add a check (usable as a decorator)."""
    if check not in _checks:
        _checks.append(check)
    return check


def run(story: Story) -> list[Finding]:
    return [finding for check in _checks for finding in check(story)]


def blocking(story: Story) -> list[Finding]:
    return [finding for finding in run(story) if finding.blocking]


def goes_out(article: Article) -> bool:
    """Whether readers see the story as saved (now or at its publish time): then blocking
    checks apply."""
    return article.status == Article.Status.PUBLISHED


def refuse_if_blocked(story: Story) -> None:
    """Raise the blocking findings as one ValidationError keyed by field."""
    found = blocking(story) if goes_out(story.article) else []
    if not found:
        return
    errors: dict[str, list[str]] = {}
    for finding in found:
        errors.setdefault(finding.field or "__all__", []).append(finding.message)
    raise ValidationError(errors)


# The desk's own checks.

# Where headlines are cut: social cards show about this many characters; beyond the hard limit
# search engines' news results and our own cards cut them too.
HEADLINE_SOCIAL_LIMIT = 70
HEADLINE_HARD_LIMIT = 110
SUMMARY_SEARCH_LIMIT = 160
# Link texts that say nothing out of context, in the languages the desk writes.
WEAK_LINK_TEXTS = frozenset(
    {"here", "click here", "click", "this", "link", "read more", "more",
     "ici", "cliquez ici", "lien", "aquí", "haga clic aquí", "هنا", "اضغط هنا", "انقر هنا"}
)  # fmt: skip


@register
def headline_length(story: Story) -> Iterable[Finding]:
    length = len(story.article.headline or "")
    if length > HEADLINE_HARD_LIMIT:
        yield Finding(
            _(
                "The headline has %(length)s characters; at most %(limit)s can be published, "
                "or search engines and our own cards cut it."
            )
            % {"length": length, "limit": HEADLINE_HARD_LIMIT},
            field="headline",
        )
    elif length > HEADLINE_SOCIAL_LIMIT:
        yield Finding(
            _("The headline has %(length)s characters; social cards show about %(limit)s.")
            % {"length": length, "limit": HEADLINE_SOCIAL_LIMIT},
            field="headline",
            blocking=False,
        )


@register
def photos_described(story: Story) -> Iterable[Finding]:
    """Every photo has alt text for readers who cannot see it, and a caption that is not
    the same words."""
    article = story.article
    uses = story.outline.photos
    photos = Photo.objects.in_bulk({use.photo_id for use in uses}) if uses else {}
    for use in uses:
        photo = photos.get(use.photo_id)
        if photo is None:
            yield Finding(_("A photo in the body is no longer in the library: remove it."), "body")
            continue
        alt = use.alt or photo.alt_text
        caption = use.caption or photo.caption
        name = caption[:60] or _("photo %(id)s") % {"id": photo.pk}
        if not alt.strip():
            yield Finding(
                _(
                    "The photo “%(name)s” in the body has no alt text: describe what it shows "
                    "for readers who cannot see it."
                )
                % {"name": name},
                "body",
            )
        elif _same_words(alt, caption):
            yield Finding(
                _(
                    "The photo “%(name)s” in the body has the same alt text as its caption: the "
                    "alt text describes what the photo shows, the caption tells what it means."
                )
                % {"name": name},
                "body",
            )
    lead = article.lead_photo if article.lead_photo_id else None
    if lead is None:
        yield Finding(_("There is no lead photo."), "lead_photo", blocking=False)
    elif not article.lead_alt.strip():
        yield Finding(
            _("The lead photo has no alt text: add it here or in the photo library."),
            "lead_photo",
        )
    elif _same_words(article.lead_alt, article.lead_caption):
        yield Finding(
            _(
                "The lead photo's caption is the same as its alt text: the alt text describes "
                "what the photo shows, the caption tells what it means."
            ),
            "lead_photo_caption",
        )


def _same_words(one: str, other: str) -> bool:
    return bool(one.strip()) and one.strip().casefold() == other.strip().casefold()


@register
def headings_in_order(story: Story) -> Iterable[Finding]:
    """Headings go down one level at a time (the headline is the page's h1)."""
    previous = 1
    for level in story.outline.headings:
        if level > previous + 1:
            yield Finding(
                _(
                    "A heading jumps from level %(previous)s to level %(level)s: use level "
                    "%(next)s (readers using screen readers move through a story by its "
                    "headings)."
                )
                % {"previous": previous, "level": level, "next": previous + 1},
                "body",
            )
        previous = level


@register
def links_say_where_they_go(story: Story) -> Iterable[Finding]:
    for link in story.outline.links:
        if not link.href:
            yield Finding(_("The link “%(text)s” has no address.") % {"text": link.text}, "body")
        elif not link.text:
            yield Finding(_("A link to %(href)s has no text.") % {"href": link.href}, "body")
        elif link.text.casefold().strip(" .:!…") in WEAK_LINK_TEXTS:
            yield Finding(
                _("A link says only “%(text)s”: say where it goes (%(href)s).")
                % {"text": link.text, "href": link.href},
                "body",
            )


@register
def links_to_our_stories_are_out(story: Story) -> Iterable[Finding]:
    """Links and link cards to our own stories point at stories readers can see by the time
    this one goes out."""
    article = story.article
    found = story.outline
    out_by = max(article.published_at or timezone.now(), timezone.now())
    linked = Article.objects.in_bulk(set(found.story_ids)) if found.story_ids else {}
    for story_id in found.story_ids:
        other = linked.get(story_id)
        if other is None:
            yield Finding(_("A link card points at a story that was deleted: remove it."), "body")
        elif not _out_by(other, out_by):
            yield Finding(
                _("A link card points at “%(headline)s”, which is not published.")
                % {"headline": other.headline},
                "body",
            )
    hosts = our_hosts()
    for link in found.links:
        slug = _our_story_slug(link.href, hosts)
        if slug is None:
            continue
        other = Article.objects.filter(slug=slug).first()
        if other is None and not Article.objects.live().formerly_at(slug).exists():
            yield Finding(
                _("The link “%(text)s” points at a story of ours that does not exist.")
                % {"text": link.text},
                "body",
            )
        elif other is not None and other.pk != article.pk and not _out_by(other, out_by):
            yield Finding(
                _("The link “%(text)s” points at “%(headline)s”, which is not published.")
                % {"text": link.text, "headline": other.headline},
                "body",
            )


def _out_by(article: Article, moment) -> bool:
    """Whether readers can see the story at that moment (published by then, not expired)."""
    return (
        article.status == Article.Status.PUBLISHED
        and article.published_at <= moment
        and (article.expires_at is None or article.expires_at > moment)
    )


def our_hosts() -> set[str]:
    """The host names our pages are read at: the main address, the alternates, the onion."""
    site = SiteSettings.load()
    addresses = [site.main_address, site.onion_address]
    addresses += [link.url for link in site.alternate_addresses()]
    return {urlsplit(address).hostname for address in addresses if address} - {None}


def _our_story_slug(href: str, hosts: set[str]) -> str | None:
    parts = urlsplit(href)
    if parts.scheme not in {"", "http", "https"}:
        return None
    if parts.netloc and parts.hostname not in hosts:
        return None
    try:
        match = resolve(parts.path or "/")
    except Resolver404:
        return None
    return match.kwargs.get("slug") if match.view_name == "articles:detail" else None


@register
def embargo_holds(story: Story) -> Iterable[Finding]:
    article = story.article
    if (
        article.embargo_until
        and article.published_at
        and article.published_at < article.embargo_until
    ):
        when = timezone.localtime(article.embargo_until)
        yield Finding(
            _(
                "The story is under embargo until %(when)s: nobody can publish it before then. "
                "Schedule it for that time or later."
            )
            % {"when": date_format(when, "DATETIME_FORMAT")},
            "published_at",
        )


@register
def translated(story: Story) -> Iterable[Finding]:
    """A translation started from another story (services.start_translation) is not published
    with the original's words."""
    article = story.article
    if article.created_at is None:
        return
    originals = (
        Article.objects.filter(
            translation_group=article.translation_group, created_at__lt=article.created_at
        )
        .exclude(language=article.language)
        .values_list("headline", "body")
    )
    for headline, text in originals:
        if article.headline == headline:
            yield Finding(_("The headline is still the original's: translate it."), "headline")
        if article.body.strip() and article.body == text:
            yield Finding(_("The text is still the original's: translate it."), "body")


@register
def ready_for_readers(story: Story) -> Iterable[Finding]:
    if not (story.article.summary or "").strip():
        yield Finding(
            _("There is no summary: cards, feeds and search results will show none."),
            "summary",
            blocking=False,
        )
    if not story.tag_names():
        yield Finding(_("There are no tags."), "tags", blocking=False)
