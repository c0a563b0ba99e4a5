"""Writing, reading and deleting notes: every read of source notes is logged here (#18)."""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.views.decorators.debug import sensitive_variables

from articles.models import Article

from . import access, crypto
from .models import DeskNote, SourceNote, SourceNoteAccess


@dataclass(frozen=True)
class OpenedNote:
    """A source note as its reader sees it: its text, or None when it is locked here."""

    pk: int
    text: str | None
    written_by: str
    written_at: datetime

    @property
    def locked(self) -> bool:
        return self.text is None


def _require(user: AbstractBaseUser, article: Article) -> None:
    verdict = access.source_notes_verdict(user, article)
    if verdict is not access.Verdict.ALLOWED:
        raise PermissionDenied(f"Source notes: {verdict.value}.")


def _log(user: AbstractBaseUser, article: Article, action: str) -> SourceNoteAccess:
    return SourceNoteAccess.objects.create(
        article=article,
        headline=article.headline[:300],
        user=user,
        username=user.get_username(),
        action=action,
    )


def name_of(user) -> str:
    if user is None:
        return "a former member of staff"
    return user.get_full_name() or user.get_username()


@sensitive_variables("text")
def read_source_notes(*, article: Article, user: AbstractBaseUser) -> list[OpenedNote]:
    """The story's source notes, decrypted for this reader; the read is logged."""
    _require(user, article)
    notes = list(article.source_notes.select_related("written_by"))
    if notes:
        _log(user, article, SourceNoteAccess.Action.READ)
    opened = []
    for note in notes:
        try:
            text = crypto.decrypt(note.ciphertext)
        except crypto.Locked:
            text = None
        opened.append(OpenedNote(note.pk, text, name_of(note.written_by), note.written_at))
    return opened


@sensitive_variables("text")
@transaction.atomic
def write_source_note(*, article: Article, user: AbstractBaseUser, text: str) -> SourceNote:
    """Encrypt and keep a new source note (crypto.Locked without a key)."""
    _require(user, article)
    note = SourceNote.objects.create(
        article=article, ciphertext=crypto.encrypt(text), written_by=user
    )
    _log(user, article, SourceNoteAccess.Action.WROTE)
    return note


@transaction.atomic
def delete_source_note(*, note: SourceNote, user: AbstractBaseUser) -> None:
    """Remove the note for good: there is no history or copy of it to restore."""
    _require(user, note.article)
    _log(user, note.article, SourceNoteAccess.Action.DELETED)
    note.delete()


def last_read(article: Article) -> SourceNoteAccess | None:
    """The latest read of the story's source notes, for "last read by … at …"."""
    return (
        SourceNoteAccess.objects.filter(article=article, action=SourceNoteAccess.Action.READ)
        .order_by("-at", "-pk")
        .first()
    )


def _require_story(user: AbstractBaseUser, article: Article) -> None:
    if not access.may_see_story(user, article):
        raise PermissionDenied("Desk notes are for staff who can see the story.")


def add_desk_note(
    *, article: Article, user: AbstractBaseUser, text: str, quote: str = "", blocking: bool = False
) -> DeskNote:
    _require_story(user, article)
    return DeskNote.objects.create(
        article=article, author=user, text=text, quote=quote, blocking=blocking
    )


def resolve_desk_note(*, note: DeskNote, user: AbstractBaseUser) -> DeskNote:
    _require_story(user, note.article)
    note.resolved_at, note.resolved_by = timezone.now(), user
    note.save(update_fields=["resolved_at", "resolved_by"])
    return note


def reopen_desk_note(*, note: DeskNote, user: AbstractBaseUser) -> DeskNote:
    _require_story(user, note.article)
    note.resolved_at, note.resolved_by = None, None
    note.save(update_fields=["resolved_at", "resolved_by"])
    return note
