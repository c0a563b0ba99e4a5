from django import template

from ..desk import desk_context

register = template.Library()


@register.inclusion_tag("live/desk.html", takes_context=True)
def live_desk(context, article) -> dict:
    """The live desk under a story's form: start coverage, post entries, end it."""
    request = context["request"]
    if article is None or not request.user.has_perm("live.view_entry"):
        return {"hidden": True}
    return {**desk_context(request, article), "csrf_token": context.get("csrf_token")}
