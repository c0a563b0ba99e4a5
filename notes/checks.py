"""The desk's publishing check: an open blocking desk note stops the story going out."""

from collections.abc import Iterable

from django.utils.translation import gettext as _

from articles.checks import Finding, Story

from .models import DeskNote


def blocking_desk_notes_resolved(story: Story) -> Iterable[Finding]:
    if not story.article.pk:
        return
    count = DeskNote.objects.blocking().filter(article_id=story.article.pk).count()
    if count:
        yield Finding(
            _("Open desk notes block publishing (%(count)s): resolve them first.")
            % {"count": count},
            field="",
            blocking=True,
        )
