from functools import lru_cache

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from media import renditions
from media.models import Photo

register = template.Library()


@register.simple_tag
def picture(
    photo: Photo,
    role: str,
    priority: bool = False,
    decorative: bool = False,
    sizes: str = "",
    alt: str = "",
) -> SafeString:
    """A photo at a role as <picture>: modern formats first, sized by srcset, never the original.

    priority marks the one photo a page shows first (fetched early, not lazily);
    decorative photos sit beside a link that already says what they show, so alt is empty;
    sizes overrides the role's layout hint where a page shows the role at another width;
    alt replaces the photo's own alt text where a story describes it for its own use.
    """
    # Under DEBUG, edits to media/picture.html show without a restart.
    render = picture_html.__wrapped__ if settings.DEBUG else picture_html
    return render(photo.source, role, priority, "" if decorative else alt or photo.alt_text, sizes)


@lru_cache(maxsize=4096)
def picture_html(
    source: renditions.Source, role: str, priority: bool, alt: str, sizes: str
) -> SafeString:
    """The markup for one photo at one role, made once per process: it depends only on these
    arguments (rendition names come from the photo's fields), and listings repeat photos."""
    storage = Photo._meta.get_field("image").storage
    rendered = renditions.picture(storage, renditions.plan(source), role)
    context = {
        "picture": rendered,
        "sizes": sizes or rendered.sizes,
        "priority": priority,
        "alt": alt,
    }
    # The template is escaped by its own engine: the markup it gives is safe as it is.
    return mark_safe(render_to_string("media/picture.html", context))
