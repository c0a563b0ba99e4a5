from django.apps import AppConfig


class TextEditionConfig(AppConfig):
    name = "textedition"
    verbose_name = "Text edition"
