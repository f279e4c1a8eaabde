import polib
from django.core.management.base import BaseCommand
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from content.api import load_framework
from demo.loader import PO_DIR, build_english, translation_languages


class Command(BaseCommand):
    help = (
        "Write (or refresh) the demo's PO files from the English pages, keeping every "
        "translation already in them. For maintainers who change the English demo text."
    )

    def handle(self, *args, **options):
        load_framework()
        pages = build_english()
        for code in translation_languages():
            locale = Locale.objects.get(language_code=code)
            folder = PO_DIR / code
            folder.mkdir(parents=True, exist_ok=True)
            for demo_page in pages:
                path = folder / f"{demo_page.key}.po"
                old = {}
                if path.exists():
                    old = {
                        (e.msgctxt, e.msgid): e.msgstr
                        for e in polib.pofile(str(path))
                        if not e.obsolete
                    }
                source, _created = TranslationSource.update_or_create_from_instance(demo_page.page)
                translation, _created = Translation.objects.get_or_create(
                    source=source, target_locale=locale
                )
                po = translation.export_po()
                po.metadata = {
                    "Project-Id-Version": "Pontes demo course",
                    "Language": code,
                    "MIME-Version": "1.0",
                    "Content-Type": "text/plain; charset=utf-8",
                    "Content-Transfer-Encoding": "8bit",
                    "X-WagtailLocalize-TranslationID": str(translation.uuid),
                }
                for entry in po:
                    entry.msgstr = old.get((entry.msgctxt, entry.msgid), entry.msgstr)
                po[:] = [entry for entry in po if not entry.obsolete]
                po.save(str(path))
            self.stdout.write(f"{code}: {len(pages)} files in {folder}")
