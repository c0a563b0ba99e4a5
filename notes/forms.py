import re

from django import forms

from articles.models import Article
from newsroom.text import printable

from .models import DeskNote


class SourceNoteForm(forms.Form):
    text = forms.CharField(
        label="New source note",
        max_length=20_000,
        validators=[printable],
        widget=forms.Textarea(attrs={"rows": 5, "autocomplete": "off", "spellcheck": "false"}),
        help_text="Who said what, how to reach them, what they must not be named for. Kept "
        "encrypted, apart from the story; only its bylined authors and editors can read it.",
    )


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


class DeskNoteForm(forms.ModelForm):
    """A note for the desk; a quote must be words the story holds."""

    class Meta:
        model = DeskNote
        fields = ["text", "quote", "blocking"]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 3}),
            "quote": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, article: Article, **kwargs):
        super().__init__(*args, **kwargs)
        self.article = article

    def clean_quote(self) -> str:
        quote = self.cleaned_data["quote"].strip()
        if quote and _words(quote) not in _words(self.article.body_text or ""):
            raise forms.ValidationError(
                "The story does not say this (as it was last saved). Copy the words exactly.",
                code="not_in_story",
            )
        return quote
