from django import template

from ..desk import desk_context
from ..models import Entry

register = template.Library()


@register.inclusion_tag("live/desk.html", takes_context=True)
def live_desk(context, article) -> dict:
    """The live desk under a story's form: start coverage, post entries, end it."""
    request = context["request"]
    if article is None or not request.user.has_perm("live.view_entry"):
        return {"hidden": True}
    return {**desk_context(request, article), "csrf_token": context.get("csrf_token")}


@register.inclusion_tag("live/history.html", takes_context=True)
def live_history(context, article, limit: int = 200) -> dict:
    """The live entries' revisions (posted, edited, deleted) on the story's history page."""
    request = context["request"]
    if article is None or not request.user.has_perm("live.view_entry"):
        return {"records": []}
    records = (
        Entry.history.filter(coverage__article=article)
        .select_related("history_user")
        .order_by("-history_date", "-history_id")[:limit]
    )
    return {"records": list(records)}
