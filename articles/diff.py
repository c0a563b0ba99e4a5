"""Readable differences between two revisions of an article: words struck out and added."""

import difflib
import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from newsroom.html import html_to_text


def word_diff(old: str, new: str) -> SafeString:
    """Old and new text merged, removed words in <del>, added words in <ins>; paragraphs kept."""
    tokenize = re.compile(r"\n|[^\s]+")
    before, after = tokenize.findall(old or ""), tokenize.findall(new or "")
    parts = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(("", before[i1:i2]))
        if op in {"delete", "replace"}:
            parts.append(("del", before[i1:i2]))
        if op in {"insert", "replace"}:
            parts.append(("ins", after[j1:j2]))
    html = []
    for tag, words in parts:
        text = (
            " ".join(escape(word) for word in words).replace(" \n ", "<br>").replace("\n", "<br>")
        )
        html.append(f"<{tag}>{text}</{tag}>" if tag else text)
    return mark_safe(" ".join(html))


def compare(old, new) -> list[tuple[str, SafeString]]:
    """Headline, summary and body of two revisions, as (label, merged diff) pairs."""
    fields = [
        ("Headline", old.headline, new.headline),
        ("Summary", old.summary, new.summary),
        ("Body", html_to_text(old.body), html_to_text(new.body)),
    ]
    return [(label, word_diff(a, b)) for label, a, b in fields]
