from datetime import timedelta

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import (
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Q,
    StringAgg,
    Subquery,
    Value,
)
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import pluralize
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.html import format_html, format_html_join
from django.utils.timesince import timesince
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin
from taggit.models import Tag

from media.admin import PhotoAdmin, photo_thumbnail
from media.models import Photo
from newsroom import languages
from newsroom.admin import DeskAdmin, too_large
from newsroom.html import sanitize_html
from newsroom.text import printable
from notes import access as notes_access
from notes.admin import article_form_context as notes_context
from notes.models import DeskNote
from sections.forms import SectionChoiceField

from . import autosave, body, checks, search, services
from .diff import compare
from .forms import ArticleForm
from .models import LARGE_FIELDS, Article, ArticleInReview, Author, Correction
from .pagination import DeferredJoinPaginator

# Stories the link-card chooser lists at once.
STORY_CHOOSER_RESULTS = 20


@admin.register(Author)
class AuthorAdmin(DeskAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def formfield_for_foreignkey(self, db_field, request: HttpRequest, **kwargs):
        if db_field.name == "user":
            kwargs["queryset"] = db_field.related_model.objects.filter(
                is_staff=True, is_active=True
            ).order_by("username")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_readonly_fields(self, request: HttpRequest, obj=None):
        # The desk account opens the source notes of the byline's stories (issue #18): only
        # those who read every story's notes themselves may hand that on.
        if notes_access.holds_permission(request.user):
            return self.readonly_fields
        return [*self.readonly_fields, "user"]


class StatusFilter(admin.SimpleListFilter):
    """The desk's statuses: Scheduled is Published with a publish time still to come, Expired
    Published with an expiry time that has come; and the stories under embargo."""

    title = "status"
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [
            ("draft", "Draft"),
            ("review", "In review"),
            ("scheduled", "Scheduled"),
            ("published", "Published"),
            ("expired", "Expired"),
            ("unpublished", "Unpublished"),
            ("embargoed", "Under embargo"),
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "scheduled":
            return queryset.scheduled()
        if value == "published":
            return queryset.live()
        if value == "expired":
            return queryset.expired()
        if value == "embargoed":
            return queryset.embargoed()
        if value in {"draft", "review", "unpublished"}:
            return queryset.filter(status=value)
        return queryset


class PhotoUseFilter(admin.SimpleListFilter):
    """The stories that show one photo, as lead or in the body (the photo list links here)."""

    title = "photo"
    parameter_name = "uses_photo"

    def lookups(self, request, model_admin):
        value = self.value()
        return [(value, f"Photo {value}")] if value and value.isdigit() else []

    def queryset(self, request, queryset):
        value = self.value()
        return queryset.showing_photo(int(value)) if value and value.isdigit() else queryset


class DeskNotesFilter(admin.SimpleListFilter):
    """Stories with desk notes still open, or with one blocking publication (issue #18)."""

    title = "desk notes"
    parameter_name = "desk_notes"

    def lookups(self, request, model_admin):
        return [("open", "Open desk notes"), ("blocking", "A blocking desk note")]

    def queryset(self, request, queryset):
        notes = {"open": DeskNote.objects.open(), "blocking": DeskNote.objects.blocking()}
        if (chosen := notes.get(self.value())) is not None:
            return queryset.filter(Exists(chosen.filter(article=OuterRef("pk"))))
        return queryset


class CorrectionInline(admin.StackedInline):
    model = Correction
    extra = 0
    fields = ["kind", "text", "published_at"]
    verbose_name = _("correction or update")
    verbose_name_plural = _("Corrections and updates (shown to readers at the foot of the article)")


@admin.register(Article)
class ArticleAdmin(DeskAdmin, SimpleHistoryAdmin):
    form = ArticleForm
    list_display = [
        "thumbnail",
        "headline",
        "section",
        "language",
        "translation_languages",
        "status_label",
        "published_at",
        "editors_choice",
        "desk_notes",
    ]
    list_display_links = ["thumbnail", "headline"]
    list_filter = [
        StatusFilter,
        "language",
        "editors_choice",
        "section",
        "published_at",
        PhotoUseFilter,
        DeskNotesFilter,
    ]
    list_select_related = ["section", "lead_photo"]
    search_fields = ["headline", "summary"]
    date_hierarchy = "published_at"
    # A full COUNT(*) on every page of 100,000 rows is the slowest part of a change list.
    show_full_result_count = False
    show_facets = admin.ShowFacets.NEVER
    list_per_page = 50
    paginator = DeferredJoinPaginator
    prepopulated_fields = {"slug": ["headline"]}
    autocomplete_fields = ["lead_photo", "authors"]
    readonly_fields = ["lead_photo_preview", "preview_link", "translations"]
    inlines = [CorrectionInline]
    actions = ["unpublish_selected", "revoke_preview_links"]
    # Filled in per revision by django-simple-history; the columns are in our own list.
    history_list_display = ["compare_link", "revision_status"]
    object_history_list_template = "admin/articles/article/history_list.html"
    fieldsets = [
        (None, {"fields": ["headline", "slug", "summary", "body", "base_version"]}),
        ("Edition", {"fields": ["language", "translations"]}),
        ("Filing", {"fields": ["section", "tags", "authors"]}),
        (
            "Lead photo",
            {
                "fields": [
                    "lead_photo",
                    "lead_photo_preview",
                    "lead_photo_caption",
                    "lead_photo_alt",
                ]
            },
        ),
        (
            "Publishing",
            {
                "fields": [
                    "status",
                    "published_at",
                    "expires_at",
                    "embargo_until",
                    "embargo_previews",
                    "editors_choice",
                    "preview_link",
                ]
            },
        ),
    ]

    class Media:
        css = {"all": ["newsroom_admin/admin.css"]}
        js = ["newsroom_admin/a11y.js", "newsroom_admin/autosave.js", "newsroom_admin/live_desk.js"]

    # Permissions: reporters write drafts; only publishers touch what readers can see.

    def can_publish(self, request: HttpRequest) -> bool:
        return services.can_publish(request.user)

    def has_change_permission(self, request: HttpRequest, obj: Article | None = None) -> bool:
        if not super().has_change_permission(request, obj):
            return False
        if obj is not None and obj.status not in Article.REPORTER_STATUSES:
            return self.can_publish(request)
        return True

    def get_form(self, request: HttpRequest, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        copy = None
        if request.method == "GET" and request.GET.get("working_copy") == "restore":
            copy = autosave.pending(user=request.user, article=obj)
        return type(form.__name__, (form,), {"user": request.user, "working_copy": copy})

    def formfield_for_dbfield(self, db_field, request: HttpRequest, **kwargs):
        if db_field.name == "section":
            kwargs["form_class"] = SectionChoiceField
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name in {"summary", "lead_photo_caption"}:
            field.widget.attrs["rows"] = 3
        return field

    def get_inlines(self, request: HttpRequest, obj: Article | None):
        # Corrections are part of publishing: readers see them at once.
        return self.inlines if self.can_publish(request) else []

    def has_publish_permission(self, request: HttpRequest) -> bool:
        return self.can_publish(request)

    def get_search_results(self, request: HttpRequest, queryset, search_term: str):
        """Headline and summary search through their full-text index on PostgreSQL (a LIKE
        scan over 100,000 rows took 0.8 s); Django's own search elsewhere."""
        query = search.clean_query(search_term)
        if not query or not search.uses_full_text():
            return super().get_search_results(request, queryset, search_term)
        return search.title_matches(queryset, query), False

    # Saving: log what readers will notice, and release the "is editing" mark.

    def save_model(self, request: HttpRequest, obj: Article, form, change: bool) -> None:
        services.save(
            article=obj,
            user=request.user,
            publish_time_chosen=form.publish_time_chosen,
            tags=form.cleaned_data.get("tags"),
        )
        services.done_editing(article=obj, user=request.user)
        autosave.discard(user=request.user, article=obj if change else None)

    def render_change_form(
        self, request: HttpRequest, context, add=False, change=False, form_url="", obj=None
    ):
        """The writing desk around the form: autosave, the working copy to restore, the
        checks before publishing, and the limits the counters measure against."""
        form = context["adminform"].form
        copy = form.working_copy or autosave.pending(user=request.user, article=obj)
        names = ("autosave", "autosave_discard", "checks")
        opts = self.model._meta
        urls = {
            name: reverse(f"admin:{opts.app_label}_{opts.model_name}_{name}", args=[obj.pk])
            if obj
            else reverse(f"admin:{opts.app_label}_{opts.model_name}_{name}_new")
            for name in names
        }
        # The body editor's choosers (static/newsroom_admin/blocks.js).
        urls |= {
            "photos": reverse("admin:media_photo_chooser"),
            "photo_upload": reverse("admin:media_photo_chooser_upload"),
            "stories": reverse(f"admin:{opts.app_label}_{opts.model_name}_chooser"),
        }
        context.update(
            {
                "translate_url": reverse(
                    f"admin:{opts.app_label}_{opts.model_name}_translate", args=[obj.pk]
                )
                if obj
                else "",
                "desk_urls": urls,
                "autosave_seconds": settings.AUTOSAVE_SECONDS,
                "working_copy": copy,
                "working_copy_restored": form.working_copy is not None,
                "working_copy_stale": copy is not None
                and autosave.made_before_a_newer_save(copy, obj),
                "checklist": form.checklist(),
                "body_counts": body.counts(
                    form.instance.body_html or sanitize_html(form.instance.body)
                ),
                "limits": {
                    "headline_social": checks.HEADLINE_SOCIAL_LIMIT,
                    "headline_hard": checks.HEADLINE_HARD_LIMIT,
                    "summary_search": checks.SUMMARY_SEARCH_LIMIT,
                },
                **notes_context(request, obj),
            }
        )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def desk_article(self, request: HttpRequest, object_id: str | None) -> Article | None:
        """The story a writing-desk request is about (None: a story not saved yet), if this
        user may change it."""
        if object_id is None:
            if not self.has_add_permission(request):
                raise PermissionDenied
            return None
        article = self.get_object(request, object_id)
        if article is None:
            raise Http404("No such article.")
        if not self.has_change_permission(request, article):
            raise PermissionDenied
        return article

    def translate_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        """Start the story's translation into another edition's language (a linked draft)."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = self.get_object(request, object_id)
        if article is None:
            raise Http404("No such article.")
        if not (self.has_view_permission(request, article) and self.has_add_permission(request)):
            raise PermissionDenied
        code = request.POST.get("language", "")
        if code == article.language or not languages.is_edition(code):
            raise Http404("Not another edition's language.")
        draft = services.start_translation(article=article, language=code, user=request.user)
        self.message_user(
            request,
            gettext(
                "This is the %(language)s translation of “%(headline)s”: translate the "
                "headline, summary and text, then send it for review."
            )
            % {"language": languages.language(code).name, "headline": article.headline},
        )
        return redirect("admin:articles_article_change", draft.pk)

    def autosave_view(self, request: HttpRequest, object_id: str | None = None) -> HttpResponse:
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = self.desk_article(request, object_id)
        base_version = request.POST.get("base_version", "")
        copy = autosave.keep(
            user=request.user,
            article=article,
            data=request.POST,
            base_version=int(base_version) if base_version.isdigit() else None,
        )
        return JsonResponse(
            {
                "saved_at": timezone.localtime(copy.saved_at).isoformat(timespec="seconds"),
                "newer_save": autosave.made_before_a_newer_save(copy, article),
            }
        )

    def autosave_discard_view(
        self, request: HttpRequest, object_id: str | None = None
    ) -> HttpResponse:
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = self.desk_article(request, object_id)
        autosave.discard(user=request.user, article=article)
        self.message_user(request, gettext("Your working copy was discarded."))
        opts = self.model._meta
        if article is None:
            return redirect(f"admin:{opts.app_label}_{opts.model_name}_add")
        return redirect(f"admin:{opts.app_label}_{opts.model_name}_change", article.pk)

    def checks_view(self, request: HttpRequest, object_id: str | None = None) -> HttpResponse:
        """The checks on the form as typed, without saving it (the form's Check button)."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = self.desk_article(request, object_id)
        form_class = self.get_form(request, article, change=article is not None)
        form = form_class(request.POST, instance=article)
        form.is_valid()
        return TemplateResponse(
            request,
            "admin/articles/article/checks.html",
            {"checklist": form.checklist(), "checked": True},
        )

    def change_view(self, request: HttpRequest, object_id, form_url="", extra_context=None):
        article = self.get_object(request, object_id) if request.method == "GET" else None
        if article is not None and self.has_change_permission(request, article):
            for presence in services.others_editing(article=article, user=request.user):
                self.message_user(
                    request,
                    gettext(
                        "%(name)s opened this article for editing at %(time)s. Check with them "
                        "before you change it."
                    )
                    % {
                        "name": presence.user.get_full_name() or presence.user.get_username(),
                        "time": time_format(timezone.localtime(presence.opened_at)),
                    },
                    messages.WARNING,
                )
            services.mark_editing(article=article, user=request.user)
        return super().change_view(request, object_id, form_url, extra_context)

    @admin.action(
        description=_("Unpublish selected articles (take down, keep them)"), permissions=["publish"]
    )
    def unpublish_selected(self, request: HttpRequest, queryset) -> None:
        count = services.unpublish(articles=queryset, user=request.user)
        self.message_user(
            request,
            ngettext("%(count)s article unpublished.", "%(count)s articles unpublished.", count)
            % {"count": count},
        )

    @admin.action(
        description=_("Revoke share-preview links of selected articles"), permissions=["publish"]
    )
    def revoke_preview_links(self, request: HttpRequest, queryset) -> None:
        for article in queryset:
            services.revoke_preview_links(article)
        self.message_user(request, gettext("Their share-preview links no longer work."))

    # Columns and read-only fields.

    @admin.display(description=_("Photo"))
    def thumbnail(self, article: Article) -> str:
        return photo_thumbnail(article.lead_photo, width=64)

    @admin.display(description=_("Status"), ordering="status")
    def status_label(self, article: Article) -> str:
        return article.display_status

    def get_queryset(self, request: HttpRequest):
        # The languages of each story's translations, in the list's one query.
        others = (
            Article.objects.filter(translation_group=OuterRef("translation_group"))
            .exclude(pk=OuterRef("pk"))
            .order_by()
            .values("translation_group")
            .annotate(codes=StringAgg("language", delimiter=Value(",")))
            .values("codes")
        )
        open_notes = (
            DeskNote.objects.open()
            .filter(article=OuterRef("pk"))
            .order_by()
            .values("article")
            .annotate(count=Count("pk"), blocking=Count("pk", filter=Q(blocking=True)))
        )
        return (
            super()
            .get_queryset(request)
            .annotate(
                translated_into=Subquery(others[:1]),
                open_desk_notes=Subquery(open_notes.values("count")[:1]),
                blocking_desk_notes=Subquery(open_notes.values("blocking")[:1]),
            )
        )

    @admin.display(description="Desk notes")
    def desk_notes(self, article: Article) -> str:
        """Open desk notes on the story (issue #18), and how many of them block publishing."""
        count = getattr(article, "open_desk_notes", None)
        if not count:
            return "—"
        blocking = getattr(article, "blocking_desk_notes", 0) or 0
        text = f"{count} open" + (f", {blocking} blocking" if blocking else "")
        return format_html('<span class="desk-notes-count">{}</span>', text)

    @admin.display(description=_("Translations"))
    def translation_languages(self, article: Article) -> str:
        codes = getattr(article, "translated_into", None)
        return ", ".join(sorted(codes.split(","))) if codes else "—"

    @admin.display(description=_("Translations"))
    def translations(self, article: Article) -> str:
        """The story in other languages, with their status, and buttons to start the missing
        ones (they submit the form outside the article form: change_form.html)."""
        if not article.pk:
            return gettext("Save the story first; then it can be translated.")
        others = list(article.translations().order_by("language"))
        rows = format_html_join(
            "",
            '<li><a href="{}" lang="{}">{}</a> · {} · {}</li>',
            (
                (
                    reverse("admin:articles_article_change", args=[other.pk]),
                    other.language,
                    other.headline,
                    languages.language(other.language).name,
                    other.display_status,
                )
                for other in others
            ),
        )
        done = {article.language, *(other.language for other in others)}
        buttons = format_html_join(
            " ",
            '<button type="submit" class="button" form="translate-story" name="language" '
            'value="{}">{}</button>',
            (
                (edition.code, gettext("Translate into %(language)s") % {"language": edition.name})
                for edition in languages.editions()
                if edition.code not in done
            ),  # fmt: skip
        )
        listed = format_html("<ul>{}</ul>", rows) if others else gettext("Not translated yet.")
        return format_html("{}<p>{}</p>", listed, buttons)

    @admin.display(description=_("Current lead photo"))
    def lead_photo_preview(self, article: Article) -> str:
        return photo_thumbnail(article.lead_photo, width=320)

    @admin.display(description=_("Share preview"))
    def preview_link(self, article: Article) -> str:
        if not article.pk or article.is_live:
            return gettext(
                "A link to share this article before it is published appears here once saved."
            )
        url = reverse("articles:shared_preview", args=[services.preview_token(article)])
        return format_html(
            '<a href="{}">Preview link</a>: works without signing in, for {}. '
            "Share it only with people who may read the story before it is published.",
            url,
            timesince(timezone.now() - timedelta(seconds=settings.PREVIEW_LINK_MAX_AGE)),
        )

    def view_on_site(self, article: Article) -> str:
        """Readers' address once live; until then the staff-only preview."""
        return article.get_absolute_url() if article.is_live else article.get_preview_url()

    # Revisions: compare any revision with the current article, and restore one.

    def has_view_history_or_change_history_permission(self, request, obj=None) -> bool:
        """A deleted story is gone: only those who may delete stories can read what it said."""
        if obj is not None and not Article.objects.filter(pk=obj.pk).exists():
            return request.user.has_perm("articles.delete_article")
        return super().has_view_history_or_change_history_permission(request, obj)

    def history_form_view(self, request: HttpRequest, object_id, version_id, extra_context=None):
        """Restoring a revision is a change like any other: the same permissions apply.

        django-simple-history's own view only asks for view permission before saving. Bringing
        a deleted story back is for those who may delete stories.
        """
        if request.method == "POST":
            current = Article.objects.filter(pk=object_id).first()
            allowed = (
                self.has_change_permission(request, current)
                if current is not None
                else request.user.has_perm("articles.delete_article")
            )
            if not allowed:
                raise PermissionDenied
        # The form locks the article row to check its version; that needs a transaction.
        with transaction.atomic():
            return super().history_form_view(request, object_id, version_id, extra_context)

    def get_urls(self):
        opts = self.model._meta
        compare_url = path(
            "<path:object_id>/compare/",
            self.admin_site.admin_view(self.compare_view),
            name=f"{opts.app_label}_{opts.model_name}_compare",
        )
        desk_urls = []
        for name in ("autosave", "autosave_discard", "checks"):
            view = self.admin_site.admin_view(getattr(self, f"{name}_view"))
            route = name.replace("_", "/")
            desk_urls += [
                path(f"add/{route}/", view, name=f"{opts.app_label}_{opts.model_name}_{name}_new"),
                path(
                    f"<path:object_id>/{route}/",
                    view,
                    name=f"{opts.app_label}_{opts.model_name}_{name}",
                ),
            ]
        translate_url = path(
            "<path:object_id>/translate/",
            self.admin_site.admin_view(self.translate_view),
            name=f"{opts.app_label}_{opts.model_name}_translate",
        )
        story_chooser = path(
            "chooser/",
            self.admin_site.admin_view(self.story_chooser_view),
            name=f"{opts.app_label}_{opts.model_name}_chooser",
        )
        return [compare_url, translate_url, story_chooser, *desk_urls, *super().get_urls()]

    def story_chooser_view(self, request: HttpRequest) -> JsonResponse:
        """The body editor's link-card chooser: stories found as the story list finds them
        (headline and summary), newest first, with the status the desk sees."""
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        stories = Article.objects.defer(*LARGE_FIELDS).order_by("-published_at", "-pk")
        stories, _ = self.get_search_results(request, stories, request.GET.get("q", "").strip())
        exclude = request.GET.get("exclude", "")
        if exclude.isdigit() and not too_large(exclude):
            stories = stories.exclude(pk=int(exclude))
        return JsonResponse(
            {
                "results": [
                    {"id": story.pk, "headline": story.headline, "status": story.display_status}
                    for story in stories[:STORY_CHOOSER_RESULTS]
                ]
            }
        )

    @admin.display(description=_("Status"))
    def revision_status(self, record) -> str:
        """A revision's status as the desk said it when it was saved."""
        if record.status == Article.Status.PUBLISHED:
            return "Scheduled" if record.published_at > record.history_date else "Published"
        return record.get_status_display()

    @admin.display(description=_("Compare"))
    def compare_link(self, record) -> str:
        url = reverse("admin:articles_article_compare", args=[record.id])
        return format_html('<a href="{}?from={}">Compare with current</a>', url, record.history_id)

    def compare_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        numbers = [object_id, request.GET.get("from", "0"), request.GET.get("from_version", "0")]
        if not all(str(number).strip().isdigit() for number in numbers):
            raise Http404("No such revision.")
        article = get_object_or_404(Article, pk=object_id)
        if not self.has_view_or_change_permission(request, article):
            raise PermissionDenied
        history = article.history.select_related("history_user")
        newer = history.order_by("-history_date").first()
        older = (
            history.filter(
                Q(history_id=request.GET.get("from", "").strip() or None)
                | Q(version=request.GET.get("from_version", "").strip() or None)
            )
            .order_by("-history_date")
            .first()
        )
        if older is None:
            older = newer
        context = {
            **self.admin_site.each_context(request),
            "title": f"Compare revisions: {article}",
            "opts": self.model._meta,
            "original": article,
            "older": older,
            "newer": newer,
            "diff": compare(older, newer) if older and newer else [],
        }
        return TemplateResponse(request, "admin/articles/article/compare.html", context)


class ReviewQueueChangeList(ChangeList):
    def url_for_result(self, result) -> str:
        # Editing happens in the article admin itself, so saves keep their revisions.
        return reverse("admin:articles_article_change", args=[result.pk])


@admin.register(ArticleInReview)
class ReviewQueueAdmin(ArticleAdmin):
    """The review queue: stories In review, for editors to publish. A list only: each story
    opens in the article admin, so its saves and history are the article's own."""

    list_filter = ["section"]
    date_hierarchy = None
    actions = None

    def get_changelist(self, request: HttpRequest, **kwargs):
        return ReviewQueueChangeList

    def change_view(self, request: HttpRequest, object_id, form_url="", extra_context=None):
        return redirect("admin:articles_article_change", object_id)

    def history_view(self, request: HttpRequest, object_id, extra_context=None):
        return redirect("admin:articles_article_history", object_id)

    def get_queryset(self, request: HttpRequest):
        return super().get_queryset(request).filter(status=Article.Status.REVIEW)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("articles.view_article")

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        return request.user.has_perm("articles.view_article")

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return request.user.has_perm("articles.change_article") and (
            obj is None or obj.status in Article.REPORTER_STATUSES or self.can_publish(request)
        )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


USAGE_COUNT_CAP = 100


class CappedCount(Subquery):
    """How many rows a (sliced) subquery returns: counts stop at the slice's end."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) AS capped)"
    output_field = IntegerField()


class PhotoWithUsageAdmin(PhotoAdmin):
    """The photo list, with where each photo is used (media itself knows nothing of articles)."""

    list_display = [*PhotoAdmin.list_display, "used_in"]

    def has_change_permission(self, request: HttpRequest, obj: Photo | None = None) -> bool:
        """A photo on a live or taken-down article is part of what readers see: publishers only."""
        if not super().has_change_permission(request, obj):
            return False
        if obj is not None and not services.can_publish(request.user):
            return (
                not Article.objects.showing_photo(obj)
                .exclude(status__in=Article.REPORTER_STATUSES)
                .exists()
            )
        return True

    def has_delete_permission(self, request: HttpRequest, obj: Photo | None = None) -> bool:
        return super().has_delete_permission(request, obj) and self.has_change_permission(
            request, obj
        )

    def get_queryset(self, request: HttpRequest):
        # Counted per photo shown, and only up to a cap: counting every use of a stock photo
        # on 3,000 articles, for each photo on the page, took a quarter of a second.
        uses = Article.objects.showing_photo(OuterRef("pk")).order_by().values("pk")
        return (
            super()
            .get_queryset(request)
            .annotate(use_count=CappedCount(uses[: USAGE_COUNT_CAP + 1]))
        )

    @admin.display(description=_("Used in"), ordering="use_count")
    def used_in(self, photo: Photo) -> str:
        if not photo.use_count:
            return "Not used"
        url = reverse("admin:articles_article_changelist")
        count = photo.use_count
        return format_html(
            '<a href="{}?uses_photo={}">{} article{}</a>',
            url,
            photo.pk,
            f"{USAGE_COUNT_CAP}+" if count > USAGE_COUNT_CAP else count,
            pluralize(count),
        )


admin.site.unregister(Photo)
admin.site.register(Photo, PhotoWithUsageAdmin)


class TagForm(forms.ModelForm):
    name = forms.CharField(label="Name", max_length=100, validators=[printable])


class MergeTagsForm(forms.Form):
    into = forms.CharField(
        label="Merge into the tag",
        max_length=100,
        validators=[printable],
        help_text="An existing tag, or a new one. The selected tags are deleted.",
    )


admin.site.unregister(Tag)


@admin.register(Tag)
class TagAdmin(DeskAdmin):
    """Tags as the desk sees them. Unlike django-taggit's own admin, merging tags (which changes
    live stories) needs the right to change and delete tags, and is recorded."""

    form = TagForm
    list_display = ["name", "slug"]
    ordering = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    actions = ["merge_tags"]

    @admin.action(description=_("Merge selected tags…"), permissions=["change", "delete"])
    def merge_tags(self, request: HttpRequest, queryset):
        form = MergeTagsForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            target = services.merge_tags(
                tags=queryset, into=form.cleaned_data["into"], user=request.user
            )
            self.message_user(request, f"Tags merged into “{target.name}”.", messages.SUCCESS)
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": "Merge tags",
            "opts": self.model._meta,
            "tags": queryset,
            "form": form,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/taggit/tag/merge.html", context)
