from datetime import datetime

from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def machine_time(value: datetime | None) -> str:
    """A time for <time datetime> and meta tags: to the second, with its offset (valid HTML,
    which allows at most three digits of a second)."""
    if value is None:
        return ""
    return timezone.localtime(value).isoformat(timespec="seconds")
