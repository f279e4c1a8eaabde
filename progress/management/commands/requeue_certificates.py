from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from progress.certificates import requeue_certificates


class Command(BaseCommand):
    help = (
        "Queue the PDF of every certificate still being prepared (or failed) after a few "
        "minutes, for example after the broker was down. Run it from cron or celery beat."
    )

    def add_arguments(self, parser):
        parser.add_argument("--minutes", type=int, default=10)

    def handle(self, *args, **options):
        queued = requeue_certificates(
            older_than=timedelta(minutes=options["minutes"]), now=timezone.now()
        )
        self.stdout.write(f"{queued} certificate(s) queued.")
