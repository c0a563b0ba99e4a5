"""What reader templates print that Python decides: times, bylines, card pictures."""

from datetime import datetime

from django import template
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from media.templatetags.photos import picture

register = template.Library()

# How a card of each size shows its photo: the rendition role, the layout hint for browsers
# (empty: the role's own) and whether it is the first photo the page shows.
CARD_PICTURES = {
    "": ("card", "", False),
    "lead": ("card", "(min-width: 72rem) 43rem, (min-width: 48rem) 60vw, 100vw", True),
    "small": ("card", "(min-width: 64rem) 16rem, 7rem", False),
    "compact": ("thumb", "", False),
}


@register.filter
def machine_time(value: datetime | None) -> str:
    """A time for <time datetime> and meta tags: to the second, with its offset (valid HTML,
    which allows at most three digits of a second)."""
    if value is None:
        return ""
    return timezone.localtime(value).isoformat(timespec="seconds")


@register.simple_tag
def card_picture(article, size: str = "") -> SafeString:
    """A card's photo: decorative, since the headline beside it links to the same story."""
    role, sizes, priority = CARD_PICTURES[size or ""]
    return picture(article.lead_photo, role, priority=priority, decorative=True, sizes=sizes)


@register.filter
def byline(authors) -> SafeString:
    """ "By A", "By A and B", "By A, B and C", each name linking to the author's page."""
    authors = list(authors)
    if not authors:
        return SafeString("")
    links = [
        format_html('<a href="{}" rel="author">{}</a>', author.get_absolute_url(), author.name)
        for author in authors
    ]
    names = (
        links[0]
        if len(links) == 1
        else format_html(
            "{} and {}", format_html_join(", ", "{}", ((link,) for link in links[:-1])), links[-1]
        )
    )
    return format_html("By {}", names)
