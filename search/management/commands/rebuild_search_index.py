"""Build the search index from scratch: after switching backend, or to repair a broken index."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from tqdm import tqdm

from search import api


class Command(BaseCommand):
    help = "Empty the configured search index and index every live page again."

    def add_arguments(self, parser):
        parser.add_argument("--no-progress", action="store_true", help="Hide the progress bar.")

    def handle(self, *args, no_progress=False, verbosity=1, **options):
        backend = settings.PONTES_SEARCH.get("BACKEND", "search.backends.tantivy")
        total = api.total_groups()
        show = verbosity > 0 and not no_progress
        with tqdm(total=total, desc=_("Indexing"), unit=_("pages"), disable=not show) as bar:
            count = api.rebuild(progress=bar)
        if verbosity:
            self.stdout.write(
                self.style.SUCCESS(
                    _("%(count)s documents indexed with %(backend)s.")
                    % {"count": count, "backend": backend}
                )
            )
