"""How reader pages are drawn: Jinja2 templates (jinja2/), with what Python decides.

Reader pages are drawn with Jinja2 because they are the pages readers ask for: it draws them
several times faster than Django's template language (the admin stays on Django's). Templates
print; the functions below decide: times, bylines, card pictures, addresses, JSON-LD.
"""

import json
from datetime import datetime
from urllib.parse import urlencode

from django.http import HttpRequest
from django.templatetags.static import static
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext, ngettext

from jinja2 import Environment
from media.templatetags.photos import picture
from newsroom import languages
from newsroom.addresses import address

# How a card of each size shows its photo: the rendition role, the layout hint for browsers
# (empty: the role's own) and whether it is the first photo the page shows.
CARD_PICTURES = {
    "": ("card", "", False),
    "lead": ("card", "(min-width: 72rem) 43rem, (min-width: 48rem) 60vw, 100vw", True),
    "small": ("card", "(min-width: 64rem) 16rem, 7rem", False),
    "compact": ("thumb", "", False),
}
# Characters that could end or confuse a <script> block, written as JSON escapes instead.
_SCRIPT_SAFE = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def machine_time(value: datetime | None) -> str:
    """A time for <time datetime> and meta tags: to the second, with its offset (valid HTML,
    which allows at most three digits of a second)."""
    if value is None:
        return ""
    return timezone.localtime(value).isoformat(timespec="seconds")


def display_date(value: datetime | None, format_name: str = "DATETIME_FORMAT") -> str:
    """A time as readers of the edition read it, in the site's time zone: one of Django's
    format names (DATE_FORMAT, SHORT_DATETIME_FORMAT…), written as the active language writes
    it (newsroom/formats/)."""
    if value is None:
        return ""
    return date_format(timezone.localtime(value), format_name)


def card_picture(article, size: str = "") -> SafeString:
    """A card's photo: decorative, since the headline beside it links to the same story."""
    role, sizes, priority = CARD_PICTURES[size]
    return picture(article.lead_photo, role, priority=priority, decorative=True, sizes=sizes)


def byline(authors) -> SafeString:
    """ "By A", "By A and B", "By A, B and C", each name linking to the author's page."""
    links = [
        format_html('<a href="{}" rel="author">{}</a>', author.get_absolute_url(), author.name)
        for author in authors
    ]
    if not links:
        return SafeString("")
    if len(links) == 1:
        return format_html(gettext("By {}"), links[0])
    others = format_html_join(", ", "{}", ((link,) for link in links[:-1]))
    return format_html(gettext("By {} and {}"), others, links[-1])


def json_ld(items: list[dict]) -> SafeString:
    """Each item as a <script type="application/ld+json"> block (data, never executed)."""
    return format_html_join(
        "\n",
        '<script type="application/ld+json">{}</script>',
        (
            (SafeString(json.dumps(item, ensure_ascii=False).translate(_SCRIPT_SAFE)),)
            for item in items
        ),
    )


def url(name: str, *args) -> str:
    return address(name, *args)


def querystring(request: HttpRequest, **changes) -> str:
    """This page's query string with some parameters changed: for numbered pages."""
    query = request.GET.copy()
    for name, value in changes.items():
        query[name] = value
    return f"?{urlencode(list(query.lists()), doseq=True)}"


# Functions other apps give reader templates (live.apps: live_state for the "Live" badge).
extra_globals: dict = {}


def environment(**options) -> Environment:
    # Reader-facing words are written {{ _("Search") }}: Django's catalogues translate them.
    options["extensions"] = [*options.get("extensions", []), "jinja2.ext.i18n"]
    env = Environment(**options)
    env.install_gettext_callables(gettext, ngettext, newstyle=True)
    env.globals.update(
        {
            "static": static,
            "url": url,
            "picture": picture,
            "card_picture": card_picture,
            "json_ld": json_ld,
            "querystring": querystring,
            "current_edition": languages.language,
            "language_of": languages.language,
            **extra_globals,
        }
    )
    env.filters.update({"machine_time": machine_time, "date": display_date, "byline": byline})
    return env
