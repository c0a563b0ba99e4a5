from django.core.management.base import BaseCommand

from accounts.roles import ROLES, sync_roles


class Command(BaseCommand):
    help = "Create the Reporter, Editor and Site admin groups and reset their permissions."

    def handle(self, *args, **options) -> None:
        sync_roles()
        self.stdout.write(f"Roles in sync: {', '.join(ROLES)}.")
