"""Autosave: what an editor typed and has not saved, kept on the server as their working copy.

The article form sends its fields every few seconds and when the page is left
(static/newsroom_admin/autosave.js). The story itself does not change until Save. A copy
belongs to the user who typed it: it is read only through their own requests, kept out of
history, exports, feeds and search, and deleted once the story is saved or the copy discarded.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.http import QueryDict
from django.utils import timezone

from .forms import ArticleForm
from .models import Article, WorkingCopy

# The form's own fields: nothing else a POST carries (tokens, inlines, other forms) is kept.
FIELDS = frozenset(ArticleForm.Meta.fields)


def _is_typed_field(name: str) -> bool:
    # Date and time arrive as two inputs (published_at_0, published_at_1).
    stem, _, part = name.rpartition("_")
    return name in FIELDS or (stem in FIELDS and part.isdigit())


def keep(
    *, user: AbstractBaseUser, article: Article | None, data: QueryDict, base_version: int | None
) -> WorkingCopy:
    typed = {name: data.getlist(name) for name in data if _is_typed_field(name)}
    copy, _ = WorkingCopy.objects.update_or_create(
        user=user, article=article, defaults={"data": typed, "base_version": base_version}
    )
    # Copies nobody came back to are not kept for ever.
    WorkingCopy.objects.filter(
        saved_at__lt=timezone.now() - timedelta(days=settings.WORKING_COPY_DAYS)
    ).delete()
    return copy


def pending(*, user: AbstractBaseUser, article: Article | None) -> WorkingCopy | None:
    return WorkingCopy.objects.filter(user=user, article=article).first()


def discard(*, user: AbstractBaseUser, article: Article | None) -> None:
    WorkingCopy.objects.filter(user=user, article=article).delete()


def made_before_a_newer_save(copy: WorkingCopy, article: Article | None) -> bool:
    """Whether someone saved the story after the form this copy was typed in was opened."""
    return (
        article is not None
        and copy.base_version is not None
        and (copy.base_version != article.version)
    )
