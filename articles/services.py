"""Writes that touch more than the article row: publishing decisions and who was editing."""

from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.admin.models import CHANGE, DELETION, LogEntry
from django.contrib.auth.models import AbstractBaseUser
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from taggit.models import Tag

from newsroom.languages import is_edition

from . import checks
from .models import Article, EditingPresence, new_preview_secret

PREVIEW_SALT = "articles.preview"


def can_publish(user: AbstractBaseUser) -> bool:
    """The one check: may this person change what readers see (publish, schedule, unpublish,
    correct, or edit a live or scheduled story)?"""
    return user.has_perm("articles.publish_article")


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


@transaction.atomic
def save(
    *,
    article: Article,
    user: AbstractBaseUser,
    publish_time_chosen: bool = False,
    reason: str = "",
    tags: list[str] | None = None,
) -> Article:
    """Save an article as the desk does, whoever calls: the admin, a command, a test.

    Changing what readers see takes the publish permission. A story published for the first
    time goes out dated now, not when someone started writing it, unless its publish time was
    chosen (to schedule or backdate it). A change of visibility is logged with who made it.
    A story that fails a blocking check (articles.checks) does not go out: ValidationError.
    """
    stored = article.stored_row() if article.pk else None
    old_status = stored.status if stored else None
    readers_see_it = {article.status, old_status} - {None, *Article.REPORTER_STATUSES}
    if readers_see_it and not can_publish(user):
        raise PermissionDenied("Only editors can publish, unpublish or change a live story.")
    checks.refuse_if_blocked(checks.Story(article, tags=tags))
    first_publication = old_status in {None, *Article.REPORTER_STATUSES}
    now = timezone.now()
    if (
        first_publication
        and article.status == Article.Status.PUBLISHED
        and not publish_time_chosen
        and article.published_at <= now
    ):
        article.published_at = now
    article._history_user = user
    if reason:
        article._change_reason = reason
    article.save()
    if message := status_change_message(article, old_status):
        LogEntry.objects.log_actions(
            user_id=user.pk, queryset=[article], action_flag=CHANGE, change_message=message
        )
    return article


def publish(*, article: Article, user: AbstractBaseUser, at: datetime | None = None) -> Article:
    """Put the story out now, or at `at` (in the future, that schedules it)."""
    article.status = Article.Status.PUBLISHED
    if at is not None:
        article.published_at = at
    return save(article=article, user=user, publish_time_chosen=at is not None)


def schedule(*, article: Article, user: AbstractBaseUser, at: datetime) -> Article:
    """Put the story out by itself at a future time."""
    if at <= timezone.now():
        raise ValueError("A story is scheduled for a time still to come.")
    return publish(article=article, user=user, at=at)


@transaction.atomic
def unpublish(*, articles: QuerySet[Article], user: AbstractBaseUser) -> int:
    """Take articles down without deleting them; each is logged and keeps a revision."""
    count = 0
    # of=("self",): the admin queryset joins the nullable lead photo, which cannot be locked.
    for article in articles.select_for_update(of=("self",)).exclude(
        status=Article.Status.UNPUBLISHED
    ):
        article.status = Article.Status.UNPUBLISHED
        save(article=article, user=user)
        count += 1
    return count


RESTORED_FIELDS = ("headline", "slug", "summary", "body", "section_id", "lead_photo_id",
                   "lead_photo_caption", "editors_choice")  # fmt: skip


def restore(*, revision, user: AbstractBaseUser) -> Article:
    """Bring back an earlier revision's text and filing, as a new save of the story.

    The story keeps its status and publish time; a deleted story comes back as a draft.
    """
    article = Article.objects.filter(pk=revision.id).first()
    if article is None:
        if not user.has_perm("articles.delete_article"):
            raise PermissionDenied("Only Site admins can bring back a deleted story.")
        article = Article(pk=revision.id, status=Article.Status.DRAFT)
    for field in RESTORED_FIELDS:
        setattr(article, field, getattr(revision, field))
    return save(article=article, user=user, publish_time_chosen=True,
                reason=f"Restored version {revision.version}")  # fmt: skip


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
    or revoked (taking a story down revokes its links for good), or while the story is under
    embargo, unless an editor allowed previews during it."""
    try:
        value = signing.TimestampSigner(salt=PREVIEW_SALT).unsign(
            token, max_age=settings.PREVIEW_LINK_MAX_AGE
        )
    except signing.BadSignature:
        return None
    pk, _, secret = value.partition(":")
    return (
        Article.objects.select_related("section", "lead_photo")
        .exclude(status=Article.Status.UNPUBLISHED)
        .exclude(embargo_until__gt=timezone.now(), embargo_previews=False)
        .filter(pk=pk, preview_secret=secret)
        .first()
    )


def revoke_preview_links(article: Article) -> None:
    """Every share-preview link of the article stops working; new ones can be made."""
    article.preview_secret = new_preview_secret()
    Article.objects.filter(pk=article.pk).update(preview_secret=article.preview_secret)


@transaction.atomic
def start_translation(*, article: Article, language: str, user: AbstractBaseUser) -> Article:
    """The story's translation into another edition's language: the one already started, or a
    new draft linked to it, carrying its lead photo, section, tags and bylines. Its text starts
    as the original's, to be translated in place (articles.checks refuses to publish it
    untranslated)."""
    if language == article.language or not is_edition(language):
        raise ValueError(f"{language} is not another edition's language.")
    group = Article.objects.filter(translation_group=article.translation_group)
    if existing := group.filter(language=language).first():
        return existing
    slug = f"{article.slug}-{language}"[:190]
    taken = set(Article.objects.filter(slug__startswith=slug).values_list("slug", flat=True))
    number = 2
    unique = slug
    while unique in taken:
        unique, number = f"{slug}-{number}", number + 1
    draft = Article(
        headline=article.headline,
        slug=unique,
        summary=article.summary,
        body=article.body,
        section=article.section,
        lead_photo=article.lead_photo,
        lead_photo_caption=article.lead_photo_caption,
        lead_photo_alt=article.lead_photo_alt,
        language=language,
        translation_group=article.translation_group,
        status=Article.Status.DRAFT,
    )
    save(article=draft, user=user, reason=f"Translation of “{article.headline}” started")
    draft.tags.set(article.tags.all())
    draft.authors.set(article.authors.all())
    return draft


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
