"""The languages editions can be published in, and what each needs beyond its code.

The site's editions are chosen in settings (LANGUAGES, LANGUAGE_CODE for the default one, whose
addresses have no prefix); this table says how each language is written, which locale share
cards name, and which PostgreSQL text-search configuration indexes it. A language missing here
can still be an edition: it is read left to right and searched without stemming ("simple").
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import get_language, get_language_info


@dataclass(frozen=True)
class Language:
    code: str
    # As readers of the language write its name, for the language switcher.
    name: str
    # For og:locale.
    locale: str
    search_config: str = "simple"
    right_to_left: bool = False

    @property
    def home(self) -> str:
        """The edition's front page, without the URLconf: error pages are drawn without one."""
        return "/" if self.code == settings.LANGUAGE_CODE else f"/{self.code}/"


KNOWN = {
    language.code: language
    for language in [
        Language("en", "English", "en_GB", "english"),
        Language("ar", "العربية", "ar_AR", "arabic", right_to_left=True),
        Language("fr", "Français", "fr_FR", "french"),
        Language("es", "Español", "es_ES", "spanish"),
        Language("fa", "فارسی", "fa_IR", right_to_left=True),
        Language("ru", "Русский", "ru_RU", "russian"),
        Language("tr", "Türkçe", "tr_TR", "turkish"),
        Language("de", "Deutsch", "de_DE", "german"),
    ]
}


def language(code: str | None = None) -> Language:
    """A language by its code (the active one by default)."""
    code = code or get_language() or settings.LANGUAGE_CODE
    if code in KNOWN:
        return KNOWN[code]
    info = get_language_info(code)
    return Language(code, info["name_local"], code.replace("-", "_"), right_to_left=info["bidi"])


def editions() -> list[Language]:
    """The site's editions, the default first."""
    codes = [code for code, _ in settings.LANGUAGES]
    codes.sort(key=lambda code: code != settings.LANGUAGE_CODE)
    return [language(code) for code in codes]


def is_edition(code: str) -> bool:
    return any(code == known for known, _ in settings.LANGUAGES)
