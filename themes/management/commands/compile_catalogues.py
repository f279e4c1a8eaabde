from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Compile locale/*/LC_MESSAGES/django.po to .mo with polib: the same result as "
        "compilemessages on a machine without GNU gettext (make run uses it)."
    )

    def handle(self, *args, **options):
        for folder in settings.LOCALE_PATHS:
            for po_path in sorted(Path(folder).glob("*/LC_MESSAGES/*.po")):
                polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))
                if options["verbosity"] > 1:
                    self.stdout.write(f"compiled {po_path}")
