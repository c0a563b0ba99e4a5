import json

from django import template
from django.utils.html import format_html_join
from django.utils.safestring import SafeString

register = template.Library()

# Characters that could end or confuse a <script> block, written as JSON escapes instead.
_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.simple_tag
def json_ld(items: list[dict]) -> SafeString:
    """Each item as a <script type="application/ld+json"> block (data, never executed)."""
    return format_html_join(
        "\n",
        '<script type="application/ld+json">{}</script>',
        ((SafeString(json.dumps(item, ensure_ascii=False).translate(_ESCAPES)),) for item in items),
    )
