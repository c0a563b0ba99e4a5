"""Writes that touch more than the article row: publishing decisions and who was editing."""

from datetime import timedelta

from django.conf import settings
from django.contrib.admin.models import CHANGE, DELETION, LogEntry
from django.contrib.auth.models import AbstractBaseUser
from django.core import signing
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from taggit.models import Tag

from .models import Article, EditingPresence, new_preview_secret

PREVIEW_SALT = "articles.preview"


def status_change_message(article: Article, old_status: str | None) -> str | None:
    """What a save did to the article's visibility, in the desk's words, or None."""
    new_status = article.status
    if new_status == old_status:
        return None
    if new_status == Article.Status.PUBLISHED:
        if article.is_scheduled:
            return f"Scheduled for {timezone.localtime(article.published_at):%Y-%m-%d %H:%M %Z}"
        return "Published"
    if old_status == Article.Status.PUBLISHED:
        return "Unpublished" if new_status == Article.Status.UNPUBLISHED else "Withdrawn to draft"
    return None


def log_status_change(*, article: Article, user: AbstractBaseUser, old_status: str | None) -> None:
    """Record a publish, schedule or unpublish in the admin history with who did it."""
    message = status_change_message(article, old_status)
    if message:
        LogEntry.objects.log_actions(
            user_id=user.pk, queryset=[article], action_flag=CHANGE, change_message=message
        )


@transaction.atomic
def unpublish(*, articles: QuerySet[Article], user: AbstractBaseUser) -> int:
    """Take articles down without deleting them; each is logged and keeps a revision."""
    count = 0
    # of=("self",): the admin queryset joins the nullable lead photo, which cannot be locked.
    for article in articles.select_for_update(of=("self",)).exclude(
        status=Article.Status.UNPUBLISHED
    ):
        old_status = article.status
        article.status = Article.Status.UNPUBLISHED
        article._history_user = user
        article.save()
        log_status_change(article=article, user=user, old_status=old_status)
        count += 1
    return count


def others_editing(*, article: Article, user: AbstractBaseUser) -> list[EditingPresence]:
    """Who else opened this article for editing recently and has not saved since."""
    since = timezone.now() - timedelta(seconds=settings.EDITING_PRESENCE_SECONDS)
    return list(
        EditingPresence.objects.filter(article=article, opened_at__gte=since)
        .exclude(user=user)
        .select_related("user")
    )


def mark_editing(*, article: Article, user: AbstractBaseUser) -> None:
    EditingPresence.objects.update_or_create(
        article=article, user=user, defaults={"opened_at": timezone.now()}
    )


def done_editing(*, article: Article, user: AbstractBaseUser) -> None:
    EditingPresence.objects.filter(article=article, user=user).delete()


def preview_token(article: Article) -> str:
    value = f"{article.pk}:{article.preview_secret}"
    return signing.TimestampSigner(salt=PREVIEW_SALT).sign(value)


def article_for_preview_token(token: str) -> Article | None:
    """The article a shared preview link points to, or None once it has expired, was altered
    or revoked (taking a story down revokes its links for good)."""
    try:
        value = signing.TimestampSigner(salt=PREVIEW_SALT).unsign(
            token, max_age=settings.PREVIEW_LINK_MAX_AGE
        )
    except signing.BadSignature:
        return None
    pk, _, secret = value.partition(":")
    return (
        Article.objects.with_related()
        .exclude(status=Article.Status.UNPUBLISHED)
        .filter(pk=pk, preview_secret=secret)
        .first()
    )


def revoke_preview_links(article: Article) -> None:
    """Every share-preview link of the article stops working; new ones can be made."""
    article.preview_secret = new_preview_secret()
    Article.objects.filter(pk=article.pk).update(preview_secret=article.preview_secret)


@transaction.atomic
def merge_tags(*, tags: QuerySet[Tag], into: str, user: AbstractBaseUser) -> Tag:
    """Give every story with any of these tags the tag `into` instead, and delete the others.

    Readers see the change on every live story, so each story's history and the admin log
    record it with who did it.
    """
    target = Tag.objects.filter(name__iexact=into).first() or Tag.objects.create(name=into)
    merged = list(tags.exclude(pk=target.pk))
    if not merged:
        return target
    names = ", ".join(tag.name for tag in merged)
    reason = f"Tags merged into “{target.name}”: {names}"
    articles = list(Article.objects.tagged(*[tag.pk for tag in merged]).order_by("pk"))
    for article in articles:
        article.tags.remove(*merged)
        article.tags.add(target)
    Article.history.bulk_history_create(
        articles, update=True, default_user=user, default_change_reason=reason
    )
    LogEntry.objects.log_actions(
        user_id=user.pk, queryset=articles, action_flag=CHANGE, change_message=reason
    )
    LogEntry.objects.log_actions(
        user_id=user.pk, queryset=merged, action_flag=DELETION, change_message=reason
    )
    for tag in merged:
        tag.delete()
    return target
