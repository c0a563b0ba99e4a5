from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class NewsroomAdminConfig(admin_apps.AdminConfig):
    """Django's admin, served by the Newsroom admin site (two-factor sign-in, the desk's titles)."""

    default = False
    default_site = "accounts.admin_site.NewsroomAdminSite"


class AccountsConfig(AppConfig):
    default = True
    name = "accounts"
    verbose_name = "Accounts"
