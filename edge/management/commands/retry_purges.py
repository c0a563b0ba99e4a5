from django.core.management.base import BaseCommand

from edge.models import PendingPurge
from edge.purging import retry_pending


class Command(BaseCommand):
    help = "Send again the CDN purges that failed (run from cron every minute, or by hand)."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Also those not yet due.")

    def handle(self, *args, **options):
        sent = retry_pending(everything=options["all"])
        left = PendingPurge.objects.count()
        self.stdout.write(f"{sent} purges sent, {left} still pending.")
