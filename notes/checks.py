"""The desk's publishing check: an open blocking desk note stops the story going out."""

from collections.abc import Iterable

from django.template.defaultfilters import pluralize

from articles.checks import Finding, Story

from .models import DeskNote


def blocking_desk_notes_resolved(story: Story) -> Iterable[Finding]:
    if not story.article.pk:
        return
    count = DeskNote.objects.blocking().filter(article_id=story.article.pk).count()
    if count:
        yield Finding(
            f"{count} blocking desk note{pluralize(count)} {pluralize(count, 'is,are')} open: "
            "resolve {} before publishing.".format("it" if count == 1 else "them"),
            field="",
            blocking=True,
        )
