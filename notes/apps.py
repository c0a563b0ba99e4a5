from django.apps import AppConfig
from django.core import checks


class NotesConfig(AppConfig):
    name = "notes"
    verbose_name = "Notes"

    def ready(self) -> None:
        from articles import checks as publishing_checks

        from .checks import blocking_desk_notes_resolved

        publishing_checks.register(blocking_desk_notes_resolved)
        checks.register(source_notes_keys, checks.Tags.security, deploy=False)


def source_notes_keys(app_configs, **kwargs) -> list[checks.CheckMessage]:
    """Refuse to start with a malformed SOURCE_NOTES_KEYS (a missing one only locks notes)."""
    from django.core.exceptions import ImproperlyConfigured

    from . import crypto

    try:
        crypto.fernet()
    except ImproperlyConfigured as error:
        return [checks.Error(str(error), id="notes.E001")]
    return []
