"""Who may read what (issue #18): the one place these rules are decided.

Source notes: the story's bylined authors (an Author whose desk account is theirs) and staff
given `notes.read_source_notes` through their groups or their own rights. Being a superuser is
not enough: Django grants superusers every permission, and a Site admin gets no source notes
by default. Whoever may read must also have used their second factor in this session,
whatever TWO_FACTOR_REQUIRED and their role say.

Desk notes: any staff member who may see the story in the admin.
"""

import enum

from django.contrib.auth.models import AbstractBaseUser, Permission
from django.db.models import Q

from articles.models import Article

PERMISSION = "read_source_notes"


class Verdict(enum.Enum):
    ALLOWED = "allowed"
    FORBIDDEN = "forbidden"
    NEEDS_SECOND_FACTOR = "needs second factor"


def holds_permission(user: AbstractBaseUser) -> bool:
    """Whether the user was given the notes permission, directly or by a group (not merely by
    being a superuser)."""
    if not (user.is_active and user.is_staff):
        return False
    return Permission.objects.filter(
        Q(user=user) | Q(group__user=user), content_type__app_label="notes", codename=PERMISSION
    ).exists()


def is_bylined(user: AbstractBaseUser, article: Article) -> bool:
    return bool(article.pk) and article.authors.filter(user=user).exists()


def may_read_source_notes(user: AbstractBaseUser, article: Article) -> bool:
    """The rule without the second factor: bylined, or holding the permission."""
    if not (user.is_authenticated and user.is_active and user.is_staff):
        return False
    return is_bylined(user, article) or holds_permission(user)


def source_notes_verdict(user: AbstractBaseUser, article: Article) -> Verdict:
    if not may_read_source_notes(user, article):
        return Verdict.FORBIDDEN
    # django_otp's middleware sets is_verified() once a device was used in this session.
    if not getattr(user, "is_verified", lambda: False)():
        return Verdict.NEEDS_SECOND_FACTOR
    return Verdict.ALLOWED


def may_see_story(user: AbstractBaseUser, article: Article) -> bool:
    """Whether the user sees the story in the admin, and so its desk notes."""
    return (
        user.is_authenticated
        and user.is_active
        and user.is_staff
        and (user.has_perm("articles.view_article") or user.has_perm("articles.change_article"))
    )
