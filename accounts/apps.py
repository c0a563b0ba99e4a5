from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.db.models.signals import post_migrate


class NewsroomAdminConfig(admin_apps.AdminConfig):
    """Django's admin, served by the Newsroom admin site (two-factor sign-in, the desk's titles)."""

    default = False
    default_site = "accounts.admin_site.NewsroomAdminSite"


class AccountsConfig(AppConfig):
    default = True
    name = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        post_migrate.connect(sync_roles_after_migrate, dispatch_uid="accounts-sync-roles")


def sync_roles_after_migrate(sender, using, apps=None, **kwargs) -> None:
    """After every migrate, the roles' groups hold exactly the permissions that exist so far."""
    from django.apps import apps as global_apps

    apps = apps or global_apps  # flush sends no migration state

    # post_migrate is sent once per app with models, in order: act once, after the last.
    if sender is not [app for app in global_apps.get_app_configs() if app.models_module][-1]:
        return
    from django.contrib.auth.management import create_permissions

    from .roles import sync_roles

    # Django makes each app's permissions in its own post_migrate step, some of which run
    # after this one: make them all now, from the migrated state.
    for app_config in global_apps.get_app_configs():
        create_permissions(app_config, verbosity=0, apps=apps, using=using)
    sync_roles(apps)
