"""Starting, posting to and ending live coverage: the writes, for the admin and commands."""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from articles.models import Article

from .forms import EntryForm
from .models import Entry, LiveCoverage


class CoverageEnded(Exception):
    """Posting to coverage that has ended."""


@transaction.atomic
def start(*, article: Article, user: AbstractBaseUser) -> LiveCoverage:
    """Turn a story into live coverage (again running, if it had ended)."""
    if not user.has_perm("live.add_livecoverage"):
        raise PermissionDenied
    coverage, created = LiveCoverage.objects.get_or_create(article=article)
    if not created and coverage.ended_at is not None:
        coverage.ended_at = None
        coverage.save()
    return coverage


@transaction.atomic
def end(*, coverage: LiveCoverage, user: AbstractBaseUser) -> LiveCoverage:
    """End the coverage: readers see it has ended, and nothing more can be posted."""
    if not user.has_perm("live.change_livecoverage"):
        raise PermissionDenied
    if coverage.ended_at is None:
        coverage.ended_at = timezone.now()
        coverage.save()
    return coverage


@transaction.atomic
def post(*, form: EntryForm) -> Entry:
    """Save a valid entry form: published at once by those allowed to post directly, kept as
    a draft for the others. The coverage row is locked, so an entry never lands after it ended."""
    coverage = LiveCoverage.objects.select_for_update().get(pk=form.coverage.pk)
    if coverage.ended_at is not None:
        raise CoverageEnded
    return form.save()
