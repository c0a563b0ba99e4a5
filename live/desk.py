"""What the live desk on a story's admin page shows (templates/live/desk.html)."""

from django.http import HttpRequest
from django.urls import reverse

from articles.models import Article

from .forms import EntryForm
from .models import Entry, LiveCoverage

DESK_ENTRIES = 50


def desk_context(request: HttpRequest, article: Article, form: EntryForm | None = None) -> dict:
    user = request.user
    coverage = LiveCoverage.objects.filter(article=article).first()
    context = {
        "article": article,
        "coverage": coverage,
        "can_start": user.has_perm("live.add_livecoverage"),
        "can_end": user.has_perm("live.change_livecoverage"),
        "can_add": user.has_perm("live.add_entry"),
        "can_post": user.has_perm("live.post_entry"),
        "urls": {
            name: reverse(f"admin:live_entry_{name}", args=[article.pk])
            for name in ("start", "end", "post")
        },
    }
    if coverage is not None:
        context["form"] = form or EntryForm(coverage=coverage, user=user)
        context["entries"] = (
            Entry.objects.filter(coverage=coverage)
            .prefetch_related("authors")
            .order_by("-published_at", "-pk")[:DESK_ENTRIES]
        )
    return context
