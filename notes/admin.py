"""The notes' admin pages: a story's source notes, the desk notes thread, the read log (#18).

Source and desk notes have no list, add or change screens of Django's: every standard address
answers 403 to everyone, and the pages below check notes.access on each request, so a crafted
address reaches nothing the rules do not allow.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.views.decorators.debug import sensitive_post_parameters

from articles.models import Article

from . import access, crypto, services
from .forms import DeskNoteForm, SourceNoteForm
from .models import DeskNote, SourceNote, SourceNoteAccess


class NoStandardScreens(admin.ModelAdmin):
    """Django's list, add, change, delete and history screens refuse everyone."""

    def has_module_permission(self, request: HttpRequest) -> bool:
        return False

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        # Asked by the admin when a story is deleted with its notes: those who may delete
        # stories delete their notes with them. There is no screen deleting a note alone.
        return request.user.has_perm("articles.delete_article")

    def delete_view(self, request: HttpRequest, object_id, extra_context=None):
        raise PermissionDenied

    def get_actions(self, request: HttpRequest):
        return {}


def _story(article_id: str) -> Article:
    article = Article.objects.filter(pk=article_id).first()
    if article is None:
        raise Http404("No such story.")
    return article


def source_notes_url(article: Article) -> str:
    return reverse("admin:notes_sourcenote_story", args=[article.pk])


@admin.register(SourceNote)
class SourceNoteAdmin(NoStandardScreens):
    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("story/<int:article_id>/", view(self.story_view), name="notes_sourcenote_story"),
            path("<int:note_id>/remove/", view(self.remove_view), name="notes_sourcenote_remove"),
            *super().get_urls(),
        ]

    @method_decorator(sensitive_post_parameters("text"))
    def story_view(self, request: HttpRequest, article_id: int) -> HttpResponse:
        """A story's source notes: read (and logged), and a form to add one."""
        article = _story(article_id)
        verdict = access.source_notes_verdict(request.user, article)
        context = {
            **self.admin_site.each_context(request),
            "title": f"Source notes: {article.headline}",
            "opts": Article._meta,
            "original": article,
            "article_url": reverse("admin:articles_article_change", args=[article.pk]),
        }
        request.current_app = self.admin_site.name
        if verdict is access.Verdict.FORBIDDEN:
            raise PermissionDenied("Only the story's bylined authors and editors read its notes.")
        if verdict is access.Verdict.NEEDS_SECOND_FACTOR:
            return TemplateResponse(
                request,
                "admin/notes/second_factor_needed.html",
                {**context, "two_factor_url": reverse("admin:two_factor")},
                status=403,
            )
        form = SourceNoteForm(request.POST if request.method == "POST" else None)
        if form.is_valid():
            try:
                services.write_source_note(
                    article=article, user=request.user, text=form.cleaned_data["text"]
                )
            except crypto.Locked as error:
                form.add_error(None, str(error))
            else:
                self.message_user(request, "The source note is kept, encrypted.", messages.SUCCESS)
                return redirect(source_notes_url(article))
        context |= {
            "notes": services.read_source_notes(article=article, user=request.user),
            "form": form,
            "keys_available": crypto.available(),
            "accesses": SourceNoteAccess.objects.filter(article=article)[:20],
        }
        return TemplateResponse(request, "admin/notes/source_notes.html", context)

    def remove_view(self, request: HttpRequest, note_id: int) -> HttpResponse:
        """Ask, then delete one note for good (its text is not shown here: that is a read)."""
        note = get_object_or_404(
            SourceNote.objects.select_related("article", "written_by"), pk=note_id
        )
        if access.source_notes_verdict(request.user, note.article) is not access.Verdict.ALLOWED:
            raise PermissionDenied
        if request.method != "POST":
            context = {
                **self.admin_site.each_context(request),
                "title": "Delete a source note for good?",
                "note": note,
                "written_by": services.name_of(note.written_by),
                "back_url": source_notes_url(note.article),
            }
            request.current_app = self.admin_site.name
            return TemplateResponse(request, "admin/notes/remove_source_note.html", context)
        services.delete_source_note(note=note, user=request.user)
        self.message_user(request, "The source note is deleted for good.", messages.SUCCESS)
        return redirect(source_notes_url(note.article))


@admin.register(DeskNote)
class DeskNoteAdmin(NoStandardScreens):
    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("story/<int:article_id>/add/", view(self.add_note_view),
                 name="notes_desknote_story_add"),
            path("<int:note_id>/resolve/", view(self.resolve_view), name="notes_desknote_resolve"),
            path("<int:note_id>/reopen/", view(self.reopen_view), name="notes_desknote_reopen"),
            *super().get_urls(),
        ]  # fmt: skip

    def _back(self, article: Article) -> HttpResponse:
        url = reverse("admin:articles_article_change", args=[article.pk])
        return redirect(f"{url}#desk-notes")

    def add_note_view(self, request: HttpRequest, article_id: int) -> HttpResponse:
        article = _story(article_id)
        if not access.may_see_story(request.user, article):
            raise PermissionDenied
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        form = DeskNoteForm(request.POST, article=article)
        if form.is_valid():
            services.add_desk_note(article=article, user=request.user, **form.cleaned_data)
            self.message_user(request, "Your desk note is added.", messages.SUCCESS)
        else:
            problems = " ".join(
                f"{form.fields[field].label if field in form.fields else ''}: {' '.join(errors)}"
                for field, errors in form.errors.items()
            )
            self.message_user(request, f"The desk note was not added. {problems}", messages.ERROR)
        return self._back(article)

    def _change(self, request: HttpRequest, note_id: int, change) -> HttpResponse:
        note = get_object_or_404(DeskNote.objects.select_related("article"), pk=note_id)
        if not access.may_see_story(request.user, note.article):
            raise PermissionDenied
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        change(note=note, user=request.user)
        return self._back(note.article)

    def resolve_view(self, request: HttpRequest, note_id: int) -> HttpResponse:
        return self._change(request, note_id, services.resolve_desk_note)

    def reopen_view(self, request: HttpRequest, note_id: int) -> HttpResponse:
        return self._change(request, note_id, services.reopen_desk_note)


@admin.register(SourceNoteAccess)
class SourceNoteAccessAdmin(admin.ModelAdmin):
    """The log of who read, wrote or deleted source notes: for Site admins, read-only."""

    list_display = ["at", "username", "action", "headline"]
    list_filter = ["action", "at"]
    search_fields = ["username", "headline"]
    date_hierarchy = "at"
    list_per_page = 100

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


def article_form_context(request: HttpRequest, article: Article | None) -> dict:
    """What the article form shows of the story's notes to this member of staff."""
    if article is None or not article.pk:
        return {"desk_notes": None, "source_notes": None}
    user = request.user
    source = None
    if access.may_read_source_notes(user, article):
        source = {
            "url": source_notes_url(article),
            "count": article.source_notes.count(),
            "last_read": services.last_read(article),
            "second_factor_needed": access.source_notes_verdict(user, article)
            is access.Verdict.NEEDS_SECOND_FACTOR,
        }
    desk = None
    if access.may_see_story(user, article):
        form = DeskNoteForm(article=article, auto_id="id_desk_note_%s")
        for field in form.fields.values():
            field.widget.attrs["form"] = "desk-note-form"
        desk = {
            "notes": list(article.desk_notes.select_related("author", "resolved_by")),
            "form": form,
            "add_url": reverse("admin:notes_desknote_story_add", args=[article.pk]),
        }
    return {"desk_notes": desk, "source_notes": source}
