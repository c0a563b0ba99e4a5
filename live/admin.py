"""The live desk: entries in the admin, and the posting form on the live story's page."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from simple_history.admin import SimpleHistoryAdmin

from articles.models import Article
from newsroom.admin import DeskAdmin

from . import services
from .desk import desk_context
from .forms import EntryForm
from .models import Entry, LiveCoverage


class EntryAdminForm(forms.ModelForm):
    def clean(self):
        cleaned = super().clean()
        coverage = cleaned.get("coverage")
        if not self.instance.pk and coverage is not None and not coverage.is_running:
            raise forms.ValidationError(
                "This live coverage has ended: nothing more can be posted to it.", code="ended"
            )
        return cleaned


@admin.register(Entry)
class EntryAdmin(DeskAdmin, SimpleHistoryAdmin):
    form = EntryAdminForm
    list_display = ["__str__", "coverage", "status", "pinned", "published_at"]
    list_filter = ["status", "pinned"]
    list_select_related = ["coverage__article"]
    search_fields = ["title", "body"]
    autocomplete_fields = ["authors"]
    raw_id_fields = ["coverage"]
    fields = ["coverage", "title", "body", "authors", "pinned", "status", "correction",
              "published_at", "updated_at"]  # fmt: skip
    readonly_fields = ["published_at", "updated_at"]

    class Media:
        css = {"all": ["newsroom_admin/admin.css"]}

    # Reporters draft entries; posting directly, pinning and deleting are the editors'.

    def can_post(self, request: HttpRequest) -> bool:
        return request.user.has_perm("live.post_entry")

    def get_readonly_fields(self, request: HttpRequest, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not self.can_post(request):
            fields += ["pinned", "status"]
        if obj is not None:
            fields.append("coverage")
        return fields

    def has_change_permission(self, request: HttpRequest, obj: Entry | None = None) -> bool:
        if not super().has_change_permission(request, obj):
            return False
        return obj is None or obj.status == Entry.Status.DRAFT or self.can_post(request)

    def save_model(self, request: HttpRequest, obj: Entry, form, change: bool) -> None:
        if not change:
            obj.created_by = request.user
        if not self.can_post(request) and (not change or obj.stored_status != obj.status):
            obj.status = Entry.Status.DRAFT
        super().save_model(request, obj, form, change)

    def get_urls(self):
        def view(function, name):
            return path(
                f"<int:article_id>/{name}/",
                self.admin_site.admin_view(function),
                name=f"live_entry_{name}",
            )

        return [
            view(self.start_view, "start"),
            view(self.end_view, "end"),
            view(self.post_view, "post"),
            *super().get_urls(),
        ]

    def start_view(self, request: HttpRequest, article_id: int) -> HttpResponse:
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = get_object_or_404(Article, pk=article_id)
        services.start(article=article, user=request.user)
        self.message_user(request, "Live coverage started: post the first entry below.")
        return redirect(change_url(article))

    def end_view(self, request: HttpRequest, article_id: int) -> HttpResponse:
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        coverage = get_object_or_404(LiveCoverage, article_id=article_id)
        services.end(coverage=coverage, user=request.user)
        self.message_user(request, "Live coverage ended: readers see that it has ended.")
        return redirect(change_url(coverage.article))

    def post_view(self, request: HttpRequest, article_id: int) -> HttpResponse:
        """Post an entry: JSON for the desk's script, a redirect (or the form with its errors)
        for a browser without it."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not self.has_add_permission(request):
            raise PermissionDenied
        coverage = get_object_or_404(
            LiveCoverage.objects.select_related("article"), article_id=article_id
        )
        form = EntryForm(request.POST, coverage=coverage, user=request.user)
        wants_json = "application/json" in request.headers.get("Accept", "")
        entry = None
        if form.is_valid():
            try:
                entry = services.post(form=form)
            except services.CoverageEnded:
                form.add_error(None, "This live coverage has ended: nothing more can be posted.")
        if entry is not None:
            done = (
                "Entry posted: readers see it now."
                if entry.is_published
                else "Entry saved as a draft: an editor publishes it."
            )
            if wants_json:
                context = desk_context(request, coverage.article)
                html = render_to_string("live/desk_entries.html", context, request)
                return JsonResponse({"ok": True, "message": done, "entries_html": html})
            self.message_user(request, done)
            return redirect(change_url(coverage.article))
        if wants_json:
            return JsonResponse({"ok": False, "errors": form.errors.get_json_data()}, status=400)
        context = {
            **self.admin_site.each_context(request),
            **desk_context(request, coverage.article, form=form),
            "title": f"Post to live coverage: {coverage.article.headline}",
            "opts": self.model._meta,
        }
        messages.error(request, "The entry was not posted: see below.")
        return TemplateResponse(request, "live/desk_post.html", context, status=400)


def change_url(article: Article) -> str:
    return reverse("admin:articles_article_change", args=[article.pk]) + "#live-desk"
