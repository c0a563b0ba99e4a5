from django import forms
from django.conf import settings

from articles import body
from articles.models import Author
from newsroom.html import html_to_text, sanitize_html

from .models import Entry


class EntryForm(forms.ModelForm):
    """One entry as the desk posts it: an update, an optional title, the authors and a pin.

    `user` is the member of staff posting: their author is the default byline, and only those
    allowed to post directly publish (and pin); the others' entries wait as drafts.
    """

    class Meta:
        model = Entry
        fields = ["title", "body", "authors", "pinned"]

    def __init__(self, *args, coverage, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.coverage, self.user = coverage, user
        self.fields["authors"].queryset = Author.objects.order_by("name")
        self.fields["authors"].required = False
        if not self.instance.pk and not self.is_bound:
            author = Author.objects.filter(user=user).first()
            if author:
                self.initial["authors"] = [author.pk]
        if not self.can_post_directly:
            del self.fields["pinned"]

    @property
    def can_post_directly(self) -> bool:
        return self.user.has_perm("live.post_entry")

    def clean_body(self) -> str:
        typed = self.cleaned_data.get("body") or ""
        html = sanitize_html(typed)
        text = html_to_text(html).strip()
        if not text and not body.has_photos(html):
            raise forms.ValidationError("Write the update before posting it.", code="empty")
        limit = settings.LIVE_ENTRY_MAX_CHARACTERS
        if len(text) > limit:
            raise forms.ValidationError(
                f"An entry is at most {limit:,} characters ({len(text):,} now): split it in two, "
                "or write it as a story.",
                code="too_long",
            )
        return typed

    def clean(self):
        cleaned = super().clean()
        if not self.coverage.is_running:
            raise forms.ValidationError(
                "This live coverage has ended: nothing more can be posted to it.", code="ended"
            )
        return cleaned

    def save(self, commit: bool = True) -> Entry:
        entry = super().save(commit=False)
        entry.coverage = self.coverage
        if not entry.pk:
            entry.created_by = self.user
            entry.status = Entry.Status.PUBLISHED if self.can_post_directly else Entry.Status.DRAFT
        if commit:
            entry.save()
            self.save_m2m()
        return entry
