"""Checks before publishing: what stops a story going out, and what the desk is warned about.

Every check is a function registered here (other apps register theirs in their AppConfig.ready).
Checks run on the server: in the article form's validation, where each finding shows next to
its field, and again in the publishing service, so no path (a forged POST, an admin action,
a command) puts out a story that fails a blocking check. A draft can always be saved.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError

from .models import Article


@dataclass(frozen=True)
class Finding:
    message: str
    # The form field it concerns ("body", "headline"…), or "" for the story as a whole.
    field: str = ""
    # Blocking findings stop Publish and Schedule; the others are warnings.
    blocking: bool = True


@dataclass
class Story:
    """What the checks look at: the article as it would be saved, and its tags by name (the
    form has them before they are stored)."""

    article: Article
    tags: list[str] | None = None

    def tag_names(self) -> list[str]:
        if self.tags is not None:
            return self.tags
        return list(self.article.tags.names()) if self.article.pk else []


Check = Callable[[Story], Iterable[Finding]]
_checks: list[Check] = []


def register(check: Check) -> Check:
    """Add a check (usable as a decorator)."""
    if check not in _checks:
        _checks.append(check)
    return check


def run(story: Story) -> list[Finding]:
    return [finding for check in _checks for finding in check(story)]


def blocking(story: Story) -> list[Finding]:
    return [finding for finding in run(story) if finding.blocking]


def goes_out(article: Article) -> bool:
    """Whether readers see the story as saved (now or at its publish time): then blocking
    checks apply."""
    return article.status == Article.Status.PUBLISHED


def refuse_if_blocked(story: Story) -> None:
    """Raise the blocking findings as one ValidationError keyed by field."""
    found = blocking(story) if goes_out(story.article) else []
    if not found:
        return
    errors: dict[str, list[str]] = {}
    for finding in found:
        errors.setdefault(finding.field or "__all__", []).append(finding.message)
    raise ValidationError(errors)
