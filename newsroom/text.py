"""Rules for the text editors type, shared by every model, form and the archive import."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.deconstruct import deconstructible

# Characters XML 1.0 cannot carry (feeds, sitemaps) and no reader can see: C0 controls other
# than tab, newline and carriage return, lone surrogates, and the two non-characters.
INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@deconstructible
class PrintableText:
    """Refuses text holding an invisible control character, naming it so it can be found."""

    def __call__(self, value: str) -> None:
        if value and (found := INVISIBLE.search(str(value))):
            raise ValidationError(
                "This text contains an invisible control character (U+%(code)04X), often "
                "pasted from another program. Retype the text around it.",
                code="control_character",
                params={"code": ord(found.group())},
            )

    def __eq__(self, other) -> bool:
        return isinstance(other, PrintableText)


printable = PrintableText()


def strip_invisible(text: str) -> str:
    """The text without characters XML cannot carry: for rows saved before the rule above."""
    return INVISIBLE.sub("", text or "")


# Addresses readers may follow: never javascript:, data:, file: or ftp:.
web_address = URLValidator(
    schemes=["http", "https"], message="Enter a web address starting with https:// or http://."
)
