from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

USERNAME = "editor"
PASSWORD = "newsroom-demo"


class Command(BaseCommand):
    help = "Make sure the local demo's editor account exists (refused unless DJANGO_DEBUG=1)."

    def add_arguments(self, parser):
        parser.add_argument("--url", default="http://127.0.0.1:8000", help="Where the site runs.")

    def handle(self, *args, url: str, **options) -> None:
        if not settings.DEBUG:
            raise CommandError(
                "The demo editor has a published password and is only created for local "
                "demos: run with DJANGO_DEBUG=1 (as `make run` does)."
            )
        user, created = get_user_model().objects.get_or_create(
            username=USERNAME, defaults={"is_staff": True}
        )
        if created:
            user.set_password(PASSWORD)
            user.save()
        # The Editor role (articles.roles): everything on content and publishing.
        user.user_permissions.clear()
        user.groups.set([Group.objects.get(name="Editor")])
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo editor: username '{USERNAME}', password '{PASSWORD}', "
                f"admin at {url.rstrip('/')}/admin/"
            )
        )
