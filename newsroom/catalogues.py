"""The translation catalogues (locale/<language>/LC_MESSAGES/django.po), made and compiled with
Babel, a Python library, so a fresh machine needs no GNU gettext programs.

    python -m newsroom.catalogues compile   # .po -> .mo, what `make run` and `make test` do
    python -m newsroom.catalogues update    # collect the words to translate into every .po

The words come from the Python code (gettext and its lazy and contextual forms), the reader
templates (Jinja2's `_()`) and the admin's Django templates (`{% translate %}`).
"""

import sys
from pathlib import Path

from babel.messages.extract import extract_from_dir, extract_python
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "locale"
SOURCES = ["accounts", "api", "articles", "edge", "live", "media", "mirror", "newsroom", "notes",
           "pagecache", "sections", "siteinfo", "textedition", "jinja2", "templates"]  # fmt: skip
METHODS = [
    ("**.py", "python"),
    ("**.html", "jinja2"),
    ("**.xml", "jinja2"),
]
KEYWORDS = {
    "_": None,
    "gettext": None,
    "gettext_lazy": None,
    "ngettext": (1, 2),
    "ngettext_lazy": (1, 2),
    "pgettext": ((1, "c"), 2),
    "pgettext_lazy": ((1, "c"), 2),
}


def extract_django(fileobj, keywords, comment_tags, options):
    """Django templates: Django's own templatize turns their tags into gettext calls."""
    import io

    from django.utils.translation.template import templatize

    # templatize's output is meant for xgettext, which ignores indentation; Python's tokenizer
    # does not, so each line starts at the margin (line numbers are kept).
    code = "\n".join(line.strip() for line in templatize(fileobj.read().decode()).splitlines())
    return extract_python(io.BytesIO(code.encode()), keywords, comment_tags, options)


def catalogues() -> list[Path]:
    return sorted(LOCALE.glob("*/LC_MESSAGES/django.po"))


def compile_all() -> int:
    """Writes each .mo that is missing or older than its .po; returns how many it wrote."""
    written = 0
    for po_path in catalogues():
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        with po_path.open("rb") as po:
            catalogue = read_po(po, locale=po_path.parent.parent.name)
        with mo_path.open("wb") as mo:
            write_mo(mo, catalogue)
        written += 1
    return written


def extracted():
    """Every word the code asks to translate, as a catalogue template."""
    from babel.messages.catalog import Catalog

    template = Catalog(project="newsroom", charset="utf-8")
    for source in (source for source in SOURCES if (ROOT / source).is_dir()):
        if source == "templates":
            methods = [("**.html", "newsroom.catalogues:extract_django")]
        else:
            methods = METHODS
        for filename, lineno, message, comments, context in extract_from_dir(
            ROOT / source, methods, keywords=KEYWORDS
        ):
            template.add(message, None, [(f"{source}/{filename}", lineno)],
                         auto_comments=comments, context=context)  # fmt: skip
    return template


def missing() -> set:
    """Words in the code that some catalogue lacks (`make messages` adds them)."""
    wanted = {(message.context, message.id) for message in extracted() if message.id}
    lacking = set()
    for po_path in catalogues():
        with po_path.open("rb") as po:
            have = {(message.context, message.id) for message in read_po(po) if message.id}
        lacking |= {str(id) for context, id in wanted - have}
    return lacking


def update_all() -> None:
    """Adds new words to every catalogue (and drops words no longer used), keeping
    translations already made; a language in settings.LANGUAGES gets a catalogue of its own."""
    import os

    import django

    # Only LANGUAGES is read: the test settings need no secrets.
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings_test")
    django.setup()
    from babel.messages.catalog import Catalog
    from django.conf import settings

    for code, _name in settings.LANGUAGES:
        path = LOCALE / code / "LC_MESSAGES" / "django.po"
        if code != settings.LANGUAGE_CODE and not path.exists():
            path.parent.mkdir(parents=True)
            with path.open("wb") as po:
                write_po(po, Catalog(locale=code, project="newsroom", charset="utf-8"))
    template = extracted()
    for po_path in catalogues():
        with po_path.open("rb") as po:
            catalogue = read_po(po, locale=po_path.parent.parent.name)
        # No fuzzy matching: a guess from a similar entry would be shown as a translation.
        catalogue.update(template, no_fuzzy_matching=True, update_header_comment=False)
        with po_path.open("wb") as po:
            write_po(po, catalogue, width=100, omit_header=False, ignore_obsolete=True)


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "compile"
    if command == "update":
        update_all()
    else:
        compile_all()
