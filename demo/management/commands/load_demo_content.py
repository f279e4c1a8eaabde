from django.core.management.base import BaseCommand
from tqdm import tqdm

from demo.loader import load_all


class Command(BaseCommand):
    help = "Load the demo course, pages, translations and accounts. Safe to run again."

    def handle(self, *args, **options):
        def progress(total, desc):
            return tqdm(
                total=total,
                desc=desc,
                unit="page",
                file=self.stderr._out,
                disable=options["verbosity"] == 0,
            )

        warnings = load_all(progress_factory=progress)
        for warning in warnings:
            self.stderr.write(self.style.WARNING(warning))
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))
