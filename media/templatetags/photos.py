from django import template

from media.models import Photo

register = template.Library()


@register.inclusion_tag("media/picture.html")
def picture(
    photo: Photo, role: str, priority: bool = False, decorative: bool = False, sizes: str = ""
) -> dict:
    """A photo at a role as <picture>: modern formats first, sized by srcset, never the original.

    priority marks the one photo a page shows first (fetched early, not lazily);
    decorative photos sit beside a link that already says what they show, so alt is empty;
    sizes overrides the role's layout hint where a page shows the role at another width.
    """
    rendered = photo.picture(role)
    return {
        "photo": photo,
        "picture": rendered,
        "sizes": sizes or rendered.sizes,
        "priority": priority,
        "alt": "" if decorative else photo.alt_text,
    }
