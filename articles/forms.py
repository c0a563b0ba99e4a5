from django import forms
from django.http import QueryDict
from django.urls import reverse
from django.utils.html import format_html

from newsroom.text import printable
from sections.models import SectionTree

from . import checks, search, services
from .models import Article


class ArticleForm(forms.ModelForm):
    """The article form: refuses publishing without permission and saves over newer work."""

    base_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    # The admin binds the signed-in user here, and the working copy being restored, if any
    # (ArticleAdmin.get_form).
    user = None
    working_copy = None

    class Meta:
        model = Article
        fields = [
            "headline", "slug", "summary", "body", "section", "tags", "authors", "lead_photo",
            "lead_photo_caption", "lead_photo_alt", "language", "status", "published_at", "editors_choice", "embargo_until",
            "embargo_previews", "expires_at",
        ]  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.working_copy is not None and not self.is_bound:
            # Restoring typing autosave kept: the form starts from it, and from the version it
            # was typed over, so saving it over someone else's newer save is refused.
            self.initial.update(self.typed_in(self.working_copy.data))
            self.fields["base_version"].initial = self.working_copy.base_version
        elif self.instance.pk and not self.is_bound:
            # From the stored row: a form restoring an old revision starts from the newest one.
            self.fields["base_version"].initial = (
                Article.objects.filter(pk=self.instance.pk)
                .values_list("version", flat=True)
                .first()
            )
        if "status" in self.fields and not self.can_publish:
            self.fields["status"].choices = [
                choice
                for choice in Article.Status.choices
                if choice[0] in Article.REPORTER_STATUSES
            ]
            self.fields[
                "status"
            ].help_text = "An editor publishes the article once it is in review."
        if "embargo_previews" in self.fields and not self.can_publish:
            self.fields["embargo_previews"].disabled = True
            self.fields["embargo_previews"].help_text = "An editor decides this."

    def typed_in(self, typed: dict[str, list[str]]) -> dict:
        """Fields as a POST of this form carried them (kept by autosave), as initial values."""
        data = QueryDict(mutable=True)
        for name, values in typed.items():
            data.setlist(name, values)
        return {
            name: field.widget.value_from_datadict(data, {}, self.add_prefix(name))
            for name, field in self.fields.items()
            if name in self.Meta.fields
            and not field.disabled
            and not field.widget.value_omitted_from_data(data, {}, self.add_prefix(name))
        }

    @property
    def can_publish(self) -> bool:
        return services.can_publish(self.user)

    def clean_tags(self) -> list[str]:
        tags = self.cleaned_data["tags"]
        for tag in tags:
            printable(tag)
        return tags

    def clean_authors(self):
        authors = self.cleaned_data["authors"]
        # A byline opens the story's source notes (notes app, issue #18): nobody without the
        # notes permission puts themselves on the byline of a story that has notes.
        if self.instance.pk and self.user is not None:
            before = set(self.instance.authors.values_list("pk", flat=True))
            joins = any(a.user_id == self.user.pk and a.pk not in before for a in authors)
            if (
                joins
                and not self.user.has_perm("notes.read_source_notes")
                and self.instance.source_notes.exists()
            ):
                raise forms.ValidationError(
                    "This story has source notes, which its bylined authors can read: an "
                    "editor adds you to its byline.",
                    code="own_byline",
                )
        return authors

    def clean_status(self) -> str:
        status = self.cleaned_data["status"]
        # The choices already exclude these for reporters; this is the server-side rule.
        if status not in Article.REPORTER_STATUSES and not self.can_publish:
            raise forms.ValidationError(
                "You cannot publish or unpublish articles. Set the status to In review and an "
                "editor will publish it.",
                code="publish_permission",
            )
        return status

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            self.check_version(cleaned.get("base_version"))
        expires, published = cleaned.get("expires_at"), cleaned.get("published_at")
        if expires and published and expires <= published:
            self.add_error("expires_at", "The story must expire after its publish time.")
        return cleaned

    def _post_clean(self):
        super()._post_clean()  # the instance now holds the form's values
        self.findings = checks.run(checks.Story(self.instance, tags=self.cleaned_data.get("tags")))
        if not checks.goes_out(self.instance):
            return
        for finding in self.findings:
            if finding.blocking:
                field = finding.field if finding.field in self.fields else None
                self.add_error(field, finding.message)

    def checklist(self) -> list[checks.Finding]:
        """Every check on the story as this form shows it: after a save was tried, on what was
        typed; otherwise on the story as it is stored."""
        if self.is_bound:
            return getattr(self, "findings", [])
        return checks.run(checks.Story(self.instance))

    @property
    def publish_time_chosen(self) -> bool:
        """Whether the editor set the publish time here (to schedule or backdate the story).

        Compared with the time the form showed when it was opened (Django sends it back in a
        hidden field), so the minutes spent writing do not count as choosing a time.
        """
        return "published_at" in self.changed_data

    def check_version(self, base_version: int | None) -> None:
        """Refuse to overwrite a save someone else made after this form was opened."""
        stored = self.instance.stored_row()  # locked until the save ends
        if stored is None or base_version == stored.version:
            return
        if base_version is None:
            raise forms.ValidationError(
                "This form is out of date. Reload the article and make your changes again.",
                code="stale_form",
            )
        latest = (
            self.instance.history.order_by("-history_date").select_related("history_user").first()
        )
        who = latest.history_user if latest and latest.history_user else "someone else"
        compare_url = reverse("admin:articles_article_compare", args=[self.instance.pk])
        raise forms.ValidationError(
            format_html(
                "{} saved this article while you were editing it, so your changes were not "
                'saved. <a href="{}?from_version={}">See what they changed</a>, then copy your '
                "changes into the current version (reload the page).",
                who,
                compare_url,
                base_version,
            ),
            code="stale_version",
        )


class SearchForm(forms.Form):
    """Readers' search: words, and optionally a section and a date range. Never raises."""

    q = forms.CharField(label="Search for", required=False, max_length=10_000)
    section = forms.ChoiceField(label="Section", required=False)
    start = forms.DateField(
        label="From", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label="To", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, sections: SectionTree, **kwargs):
        super().__init__(*args, **kwargs)
        self.sections = sections
        self.fields["section"].choices = [("", "All sections")] + [
            (section.path, section.tree_label) for section in sections.in_path_order()
        ]

    def results(self):
        """Published articles matching the valid parts of the form, best first."""
        # Invalid filters (a mistyped date) are dropped; the valid parts still apply.
        self.is_valid()
        data = self.cleaned_data
        query = search.clean_query(data.get("q", ""))
        if not query:
            return query, Article.objects.none()
        articles = Article.objects.edition()
        if data.get("section"):
            section = self.sections.get(data["section"])
            if section is not None:
                articles = articles.in_section(section, self.sections)
        if data.get("start"):
            articles = articles.filter(published_at__date__gte=data["start"])
        if data.get("end"):
            articles = articles.filter(published_at__date__lte=data["end"])
        # A results page prints headline, section, date and a snippet of the text: the large
        # columns (HTML body, search documents) stay in the database.
        listing = articles.select_related("section").defer(
            "body", "body_html", "search_vector", "search_title_vector"
        )
        return query, search.search(listing, query)
