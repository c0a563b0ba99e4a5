import secrets
import uuid
from datetime import datetime, timedelta
from typing import NamedTuple

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchVectorField
from django.db import connections, models, transaction
from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, Greatest, Now
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django_prose_editor.config import DEFAULT_MENU_GROUPS
from django_prose_editor.fields import ProseEditorField
from simple_history.models import HistoricalRecords
from taggit.managers import TaggableManager
from taggit.models import TaggedItem

from edge.keys import shown
from media.models import Photo
from newsroom.addresses import address
from newsroom.html import html_to_text, sanitize_html
from newsroom.prepared import Param
from newsroom.text import printable
from sections.models import Section, SectionTree

from . import body, search

# What the body editor offers; newsroom.html.sanitize_html decides what is kept.
BODY_EDITOR_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Strike": True,
    "Subscript": True,
    "Superscript": True,
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
    # The body's blocks (articles.body; the nodes are in static/newsroom_admin/blocks.js).
    "HorizontalRule": True,
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
    "InlinePhoto": True,
    "PullQuote": True,
    "PullQuoteText": True,
    "PullQuoteAttribution": True,
    "FactBox": True,
    "FactBoxTitle": True,
    "StoryCard": True,
    "Embed": True,
    "Menu": {"groups": [*DEFAULT_MENU_GROUPS, {"group": "blocks"}]},
}

# Columns no page prints whole: left in the database unless asked for by name.
SEARCH_FIELDS = ("body_text", "search_vector", "search_title_vector")
LARGE_FIELDS = ("body", "body_html", *SEARCH_FIELDS)

# An edit this soon after publishing is part of publishing, not an update readers need to see.
UPDATE_GRACE = timedelta(minutes=5)


class Author(models.Model):
    name = models.CharField(max_length=150, validators=[printable])
    slug = models.SlugField(max_length=150, unique=True, allow_unicode=True)
    bio = models.TextField(
        _("Short bio"),
        blank=True,
        validators=[printable],
        help_text=_("One or two sentences shown on the author's page."),
    )
    # The desk account behind the byline: bylined authors may read their story's source notes
    # (notes app, issue #18). Readers never see it.
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="Desk account",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="author",
        help_text="The staff member who writes under this byline, if any. They can read the "
        "source notes of the stories they are bylined on.",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return address("articles:author", self.slug)


def tagged_items(tag_ids) -> models.QuerySet:
    """The links between articles and these tags (ids, or placeholders of prepared queries)."""
    any_of = Q()
    for tag_id in tag_ids:
        any_of |= Q(tag_id=tag_id)
    return TaggedItem.objects.filter(
        any_of, content_type=ContentType.objects.get_for_model(Article)
    )


class StoredRow(NamedTuple):
    version: int
    status: str
    published_at: datetime
    section_id: int
    expires_at: datetime | None
    editors_choice: bool
    language: str


class ArticleQuerySet(models.QuerySet):
    def live(self, at: "datetime | Param | None" = None) -> "ArticleQuerySet":
        """What readers see now: the one definition. Published, with a publish time that has
        come (the status Published also holds scheduled stories, whose time has not), and
        not expired.

        `at` is now unless given: a prepared query (newsroom.prepared) gives a placeholder.
        """
        now = timezone.now() if at is None else at
        return self.filter(
            Q(expires_at__isnull=True) | Q(expires_at__gt=now),
            status=Article.Status.PUBLISHED,
            published_at__lte=now,
        )

    def showing_photo(self, photo) -> "ArticleQuerySet":
        """Stories that show the photo, as their lead or in their body (a photo, its id or
        an OuterRef to it)."""
        # Inside the subquery below, an outer reference is one level further out.
        inner = OuterRef(photo) if isinstance(photo, OuterRef) else photo
        inline = InlinePhoto.objects.filter(article=OuterRef("pk"), photo=inner)
        return self.filter(Q(lead_photo=photo) | Exists(inline))

    def edition(
        self, language: "str | Param | None" = None, at: "datetime | Param | None" = None
    ) -> "ArticleQuerySet":
        """What readers of an edition see: live stories in its language (by default the active
        one, which newsroom.editions sets from the address)."""
        return self.live(at=at).filter(language=language or get_language())

    def expired(self) -> "ArticleQuerySet":
        """Published stories whose expiry time has come: readers no longer see them."""
        return self.filter(status=Article.Status.PUBLISHED, expires_at__lte=timezone.now())

    def embargoed(self) -> "ArticleQuerySet":
        """Stories nobody may publish yet."""
        return self.filter(embargo_until__gt=timezone.now())

    def scheduled(self, after: datetime | None = None) -> "ArticleQuerySet":
        """Published with a publish time still to come (after `after`, by default now)."""
        return self.filter(
            status=Article.Status.PUBLISHED, published_at__gt=after or timezone.now()
        )

    def for_listing(self) -> "ArticleQuerySet":
        """Everything a card on a listing shows, without a query per article."""
        return (
            self.select_related("section", "lead_photo")
            .defer(*LARGE_FIELDS)
            .order_by("-published_at", "-pk")
        )

    def formerly_at(self, slug: str) -> "ArticleQuerySet":
        """Articles that readers once saw under this slug, the one that had it last first.

        Found in the revisions that readers saw: published, and due before the next revision
        replaced them. The working slug of a draft, or of a story renamed before its scheduled
        time came, is never confirmed to someone guessing addresses.
        """
        revisions = Article.history.filter(id=OuterRef("id"))
        replaced_at = Coalesce(
            Subquery(
                revisions.filter(history_date__gt=OuterRef("history_date"))
                .order_by("history_date")
                .values("history_date")[:1]
            ),
            Now(),
        )
        held = (
            Article.history.filter(status=Article.Status.PUBLISHED, slug=slug)
            .alias(replaced_at=replaced_at)
            .filter(published_at__lte=F("replaced_at"))
        )
        last_held = held.filter(id=OuterRef("pk")).order_by("-history_date").values("history_date")
        return (
            self.filter(pk__in=held.values("id"))
            .annotate(slug_held_until=Subquery(last_held[:1]))
            .select_related("section")
            .order_by("-slug_held_until")
        )

    def tagged(self, *tag_ids: int) -> "ArticleQuerySet":
        """Articles with any of these tags."""
        # A semi-join: joining the tag's items instead, the planner sorted every article with
        # the tag to show twenty (44 ms for a tag on 12,000 articles).
        return self.filter(pk__in=tagged_items(tag_ids).values("object_id"))

    def in_section(self, section: Section, tree: SectionTree) -> "ArticleQuerySet":
        """Articles filed under the section or any of its subsections."""
        # The sections' ids written out: with an OR across the join to sections, or a
        # subquery, the planner could not use the per-section index and deep pages of a large
        # section read thousands of rows.
        return self.filter(section__in=[other.pk for other in tree.subtree(section)])

    def newest_of(self, *groups: "ArticleQuerySet", each: int) -> "ArticleQuerySet":
        """The newest `each` articles of every group, together, in one query (newest first).

        Each group is read through the (section, status, publish time) index with its own
        limit: the front page's lead, Editor's Choice and section blocks in one statement.
        """
        newest = [group.order_by("-published_at", "-pk").values("pk")[:each] for group in groups]
        if connections[self.db].features.supports_slicing_ordering_in_compound:
            # PostgreSQL: one list of ids, then rows by key. An OR of semi-joins made it scan
            # the whole table, which at 100,000 stories is the slowest part of the page.
            return self.filter(pk__in=newest[0].union(*newest[1:], all=True)).for_listing()
        # SQLite cannot limit the parts of a UNION; it takes each semi-join by key itself.
        wanted = Q()
        for ids in newest:
            wanted |= Q(pk__in=ids)
        return self.filter(wanted).for_listing()


def new_preview_secret() -> str:
    return secrets.token_hex(16)


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        REVIEW = "review", _("In review")
        # With a future publish time a published article is scheduled (see display_status):
        # readers see it from then on. What readers see now is ArticleQuerySet.live().
        PUBLISHED = "published", _("Published (or scheduled)")
        UNPUBLISHED = "unpublished", _("Unpublished")

    # Statuses a reporter may set: everything else needs the publish permission.
    REPORTER_STATUSES = (Status.DRAFT, Status.REVIEW)

    headline = models.CharField(_("Headline"), max_length=200, validators=[printable])
    slug = models.SlugField(
        _("Slug"),
        max_length=200,
        unique=True,
        allow_unicode=True,
        help_text=_("The article's part of the web address; filled in from the headline."),
    )
    # Printed on cards, in feeds and as the description search engines show: kept short.
    summary = models.TextField(
        _("Summary"),
        blank=True,
        max_length=400,
        validators=[printable],
        help_text=_(
            "The standfirst: one or two sentences under the headline, at most 400 characters."
        ),
    )
    body = ProseEditorField(
        _("Body"),
        blank=True,
        config={"extensions": BODY_EDITOR_EXTENSIONS},
        sanitize=False,
        validators=[printable],
    )
    body_html = models.TextField(editable=False, blank=True)
    # Plain text of the body for search and snippets; the weighted document on PostgreSQL.
    body_text = models.TextField(editable=False, blank=True)
    search_vector = SearchVectorField(null=True, editable=False)
    search_title_vector = SearchVectorField(null=True, editable=False)
    section = models.ForeignKey(
        Section, verbose_name=_("Section"), on_delete=models.PROTECT, related_name="articles"
    )
    tags = TaggableManager(_("Tags"), blank=True, help_text=_("Separate tags with commas."))
    lead_photo = models.ForeignKey(
        Photo,
        verbose_name=_("Lead photo"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="lead_of",
    )
    lead_photo_caption = models.TextField(
        _("Caption"),
        blank=True,
        validators=[printable],
        help_text=_(
            "Caption for the lead photo in this article. Leave empty to use the photo's own."
        ),
    )
    lead_photo_alt = models.CharField(
        _("Alt text"),
        max_length=300,
        blank=True,
        validators=[printable],
        help_text=_(
            "Alt text for the lead photo in this article (in its language). Leave empty to use "
            "the photo's own."
        ),
    )
    # The edition the story belongs to; its translations are other articles sharing its group.
    language = models.CharField(
        _("Language"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    translation_group = models.UUIDField(default=uuid.uuid4, editable=False, db_index=True)
    authors = models.ManyToManyField(
        Author, verbose_name=_("Authors"), blank=True, related_name="articles"
    )
    status = models.CharField(
        _("Status"), max_length=20, choices=Status, default=Status.DRAFT, db_index=True
    )
    published_at = models.DateTimeField(
        _("Publish time"),
        default=timezone.now,
        help_text=_("A time in the future schedules the article: readers see it from then on."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(_("Updated"), auto_now=True)
    # When readers' copy last changed: its publication, or a later edit or correction. The one
    # definition of "modified", kept by the database itself, for feeds, sitemaps, JSON-LD,
    # share cards and HTTP headers alike (a story scheduled ahead is modified when it goes out).
    modified_at = models.GeneratedField(
        expression=Greatest("updated_at", "published_at"),
        output_field=models.DateTimeField(),
        db_persist=True,
    )
    editors_choice = models.BooleanField(
        _("Editor's Choice"),
        default=False,
        help_text=_("Feature this story in the Editor's Choice strip."),
    )
    embargo_until = models.DateTimeField(
        _("Embargo until"),
        null=True,
        blank=True,
        help_text=_(
            "Nobody can publish the story before this time, not even an editor. It can be "
            "scheduled for this time or later."
        ),
    )
    embargo_previews = models.BooleanField(
        _("Share previews during the embargo"),
        default=False,
        help_text=_("Share-preview links work while the embargo holds only when this is ticked."),
    )
    expires_at = models.DateTimeField(
        _("Expires at"),
        null=True,
        blank=True,
        help_text=_("At this time the story leaves every page by itself: readers get “not found”."),
    )
    # Optimistic concurrency: a save based on an older version is refused (issue #4).
    version = models.PositiveIntegerField(default=1, editable=False)
    # Part of every share-preview link (articles.services): a new one revokes all links out.
    preview_secret = models.CharField(max_length=32, default=new_preview_secret, editable=False)

    objects = ArticleQuerySet.as_manager()
    history = HistoricalRecords(
        excluded_fields=[
            "body_html",
            "body_text",
            "search_vector",
            "search_title_vector",
            "preview_secret",
            "modified_at",
        ]
    )

    class Meta:
        ordering = ["-published_at", "-pk"]
        permissions = [("publish_article", "Can publish, schedule and unpublish articles")]
        indexes = [
            models.Index(fields=["status", "-published_at"], name="article_published_idx"),
            models.Index(fields=["section", "status", "-published_at"], name="article_section_idx"),
            models.Index(
                fields=["language", "status", "-published_at"], name="article_edition_idx"
            ),
            # next_scheduled_change() asks for the next expiry on every publish: without this,
            # a scan of the whole archive (130-650 ms at 100,000 stories) inside each save.
            models.Index(fields=["status", "expires_at"], name="article_expiry_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["translation_group", "language"], name="one_translation_per_language"
            )
        ]

    def __str__(self) -> str:
        return self.headline

    def save(self, *args, **kwargs) -> None:
        self.body_html = sanitize_html(self.body)
        self.body_text = html_to_text(self.body_html)
        stored = None
        if not self._state.adding:
            stored = self.stored_row()
            # Counted from the stored row, so restoring an old revision still moves forward.
            self.version = (stored.version if stored else 0) + 1
        self.__dict__.pop("_stored_row", None)  # the next save reads it again
        # Whether readers saw (or were due to see) the article before this save: then the save
        # changes their pages even if it takes the article down (articles.changes).
        self.stored_status = stored.status if stored else None
        self.stored_listing = stored  # which lists it was on (articles.changes, issue #20)
        if self.status == self.Status.UNPUBLISHED and self.stored_status != self.status:
            # Taken down: every share-preview link out there stops working for good.
            self.preview_secret = new_preview_secret()
        super().save(*args, **kwargs)
        self.keep_body_references()
        search.update_vectors(Article.objects.filter(pk=self.pk))

    def get_absolute_url(self) -> str:
        """The story's address in its own edition (/ar/… for a story in Arabic)."""
        return self.address_in(self.language)

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        article = super().from_db(db, field_names, values, **kwargs)
        # A reader page loading a story shows it (its page, a card, a feed item, a link card),
        # with its section's name: an edit must purge that page (edge.keys, issue #20).
        shown(f"article:{article.pk}")
        if (section := article.__dict__.get("section_id")) is not None:
            shown(f"section-name:{section}")
        return article

    def address_in(self, language: str) -> str:
        """The story's address in an edition: its own edition's, or another's that shows it
        in its own language."""
        local = timezone.localtime(self.published_at)
        return address(
            "articles:detail",
            self.section.path,
            local.year,
            f"{local.month:02d}",
            f"{local.day:02d}",
            self.slug,
            language=language,
        )

    def translations(self) -> "ArticleQuerySet":
        """The other articles telling this story in other languages."""
        return Article.objects.filter(translation_group=self.translation_group).exclude(pk=self.pk)

    @staticmethod
    def x_default(versions: list["Article"]) -> "Article":
        """The version for readers whose language has none (hreflang x-default), the same from
        every version: the default edition's, else the first published."""
        return min(versions, key=lambda v: (v.language != settings.LANGUAGE_CODE, v.published_at))

    def keep_body_references(self) -> None:
        """Record which photos and stories the body shows (articles.body): the rows follow the
        body on every save, and ids that point nowhere are left out."""
        found = body.outline(self.body_html)
        photo_ids = set(
            Photo.objects.filter(pk__in={use.photo_id for use in found.photos}).values_list(
                "pk", flat=True
            )
        )
        story_ids = set(
            Article.objects.filter(pk__in=set(found.story_ids))
            .exclude(pk=self.pk)
            .values_list("pk", flat=True)
        )
        for model, column, wanted in [
            (InlinePhoto, "photo_id", photo_ids),
            (StoryLink, "story_id", story_ids),
        ]:
            rows = model.objects.filter(article=self)
            kept = set(rows.values_list(column, flat=True))
            if kept - wanted:
                rows.filter(**{f"{column}__in": kept - wanted}).delete()
            model.objects.bulk_create([model(article=self, **{column: pk}) for pk in wanted - kept])

    def stored_row(self) -> "StoredRow | None":
        """The row as it is in the database, read once per save and locked until it ends.

        The form checks the version against it, the publishing service its status, and save()
        counts the next version from it.
        """
        if "_stored_row" not in self.__dict__:
            row = Article.objects.filter(pk=self.pk)
            if transaction.get_connection().in_atomic_block:
                row = row.select_for_update()
            self._stored_row = row.values_list(
                "version",
                "status",
                "published_at",
                "section_id",
                "expires_at",
                "editors_choice",
                "language",
                named=True,
            ).first()
        return self._stored_row

    def get_preview_url(self) -> str:
        return reverse("articles:preview", kwargs={"pk": self.pk})

    @property
    def display_status(self) -> str:
        """The status as the desk says it: a published article with a future time is Scheduled,
        one whose expiry time has come is Expired."""
        if self.status == self.Status.PUBLISHED:
            if self.is_expired:
                return "Expired"
            return "Scheduled" if self.is_scheduled else "Published"
        return self.get_status_display()

    @property
    def is_live(self) -> bool:
        """True when readers can see the article now (the same rule as live())."""
        now = timezone.now()
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at <= now
            and (self.expires_at is None or self.expires_at > now)
        )

    @property
    def is_expired(self) -> bool:
        return (
            self.status == self.Status.PUBLISHED
            and self.expires_at is not None
            and (self.expires_at <= timezone.now())
        )

    @property
    def is_embargoed(self) -> bool:
        return self.embargo_until is not None and self.embargo_until > timezone.now()

    @property
    def is_scheduled(self) -> bool:
        return self.status == self.Status.PUBLISHED and self.published_at > timezone.now()

    @property
    def lead_caption(self) -> str:
        if self.lead_photo_caption:
            return self.lead_photo_caption
        return self.lead_photo.caption if self.lead_photo else ""

    @property
    def lead_alt(self) -> str:
        if self.lead_photo_alt:
            return self.lead_photo_alt
        return self.lead_photo.alt_text if self.lead_photo else ""

    @property
    def was_updated(self) -> bool:
        """True when the article changed after it went out (not while it was being prepared)."""
        if self.updated_at is None or self.created_at is None:
            return False
        return self.updated_at > max(self.published_at, self.created_at) + UPDATE_GRACE


def next_scheduled_change(after: datetime) -> datetime | None:
    """When readers' pages next change by themselves: the next scheduled story going out, or
    the next published story expiring, after this moment; None if nothing is due.

    Cached pages must not outlive this moment (pagecache, PAGE_CACHE_NEXT_CHANGE).
    """
    published = Article.objects.filter(status=Article.Status.PUBLISHED)
    times = [
        published.filter(published_at__gt=after)
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first(),
        published.filter(expires_at__gt=after)
        .order_by("expires_at")
        .values_list("expires_at", flat=True)
        .first(),
    ]
    return min((time for time in times if time is not None), default=None)


class InlinePhoto(models.Model):
    """A photo used in a story's body. The body keeps only the photo's id (articles.body); this
    row is kept from it on every save, so the photo list counts the use, and rights and page
    changes follow the photo into every story that shows it."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="inline_photos")
    photo = models.ForeignKey(Photo, on_delete=models.CASCADE, related_name="inline_in")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article", "photo"], name="unique_inline_photo")
        ]

    def __str__(self) -> str:
        return f"Photo {self.photo_id} in story {self.article_id}"


class StoryLink(models.Model):
    """A link card in a story's body to another of our stories, kept from the body on save:
    readers see the other story's current headline."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="story_links")
    story = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="linked_from")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article", "story"], name="unique_story_link")
        ]

    def __str__(self) -> str:
        return f"Story {self.article_id} links to {self.story_id}"


class WorkingCopy(models.Model):
    """What an editor typed and has not saved yet, kept by autosave every few seconds.

    It belongs to its author alone: no other user, reader, feed, search or export sees it, and
    it is deleted once the story is saved or the copy discarded. `article` is empty for a story
    not saved yet.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    # The form's fields as typed (articles.autosave decides which).
    data = models.JSONField()
    # The story's version when the form was opened: a copy made before someone else's save is
    # offered with a warning, and saving it is refused by the version check.
    base_version = models.PositiveIntegerField(null=True, blank=True)
    saved_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "article"], name="one_working_copy_per_story"),
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(article__isnull=True),
                name="one_working_copy_of_a_new_story",
            ),
        ]

    def __str__(self) -> str:
        return f"Working copy by {self.user} of {self.article_id or 'a new story'}"


class ArticleInReview(Article):
    """The review queue in the admin: stories In review, which editors publish."""

    class Meta:
        proxy = True
        verbose_name = "story in the review queue"
        verbose_name_plural = "review queue"


class Correction(models.Model):
    """A correction or update note readers see at the foot of the article."""

    class Kind(models.TextChoices):
        CORRECTION = "correction", pgettext_lazy("note on a story", "Correction")
        UPDATE = "update", pgettext_lazy("note on a story", "Update")

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="corrections")
    kind = models.CharField(_("Kind"), max_length=20, choices=Kind, default=Kind.CORRECTION)
    text = models.TextField(
        _("Text"),
        validators=[printable],
        help_text=_("What was wrong and what is right now, or what has happened since."),
    )
    published_at = models.DateTimeField(_("Time"), default=timezone.now)

    class Meta:
        ordering = ["published_at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.text[:60]}"

    def save(self, *args, **kwargs) -> None:
        super().save(*args, **kwargs)
        # A correction changes the article: readers see its new "updated" time.
        Article.objects.filter(pk=self.article_id).update(updated_at=timezone.now())

    def get_absolute_url(self) -> str:
        return f"{self.article.get_absolute_url()}#correction-{self.pk}"


class EditingPresence(models.Model):
    """Who has an article open in the admin, so others know before they edit it too."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="editors_present")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    opened_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-opened_at"]
        constraints = [
            models.UniqueConstraint(fields=["article", "user"], name="unique_editing_presence")
        ]

    def __str__(self) -> str:
        return f"{self.user} editing {self.article_id}"
