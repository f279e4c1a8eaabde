import subprocess

import polib
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

IGNORE = [".venv", "node_modules", "var", "tests", "benchmarks", "demo/data"]


class Command(BaseCommand):
    help = (
        "Extract interface strings into locale/<lang>/LC_MESSAGES/django.po for every language; "
        "the English catalogue is filled with its source text, the others are left to translators."
    )

    def handle(self, *args, **options):
        codes = [code for code, _name in settings.LANGUAGES]
        call_command(
            "makemessages",
            locale=codes,
            ignore_patterns=IGNORE,
            no_location=True,
            verbosity=options["verbosity"],
        )
        english = (
            settings.BASE_DIR / "locale" / settings.LANGUAGE_CODE / "LC_MESSAGES" / "django.po"
        )
        po = polib.pofile(str(english), wrapwidth=78)
        for entry in po:
            if entry.msgid_plural:
                entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
            else:
                entry.msgstr = entry.msgid
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
            entry.previous_msgid = entry.previous_msgid_plural = None
        po.metadata_is_fuzzy = []
        po.metadata["Language"] = settings.LANGUAGE_CODE
        po.metadata["Project-Id-Version"] = "Pontes"
        po.save(str(english))
        untranslated = {
            code: _forget_guesses(english.parents[2] / code / "LC_MESSAGES" / "django.po")
            for code in codes
            if code != settings.LANGUAGE_CODE
        }
        self.stdout.write(f"Untranslated entries per language: {untranslated}")


def _forget_guesses(path):
    """Empty the translations msgmerge guessed from a similar string ("fuzzy"): they are wrong
    more often than not ("Search Pontes" became "search entries"), Django never shows them, and
    an empty entry is what translators and the untranslated count look for. The header is left
    alone. polib wraps lines its own way, so gettext's msgcat then writes the file as msgmerge
    does. Returns how many entries are left to translate."""
    po = polib.pofile(str(path))
    guesses = po.fuzzy_entries()
    for entry in guesses:
        entry.flags.remove("fuzzy")
        entry.previous_msgid = entry.previous_msgid_plural = entry.previous_msgctxt = None
        if entry.msgid_plural:
            entry.msgstr_plural = dict.fromkeys(entry.msgstr_plural, "")
        else:
            entry.msgstr = ""
    if guesses:
        po.save(str(path))
        # gettext's own tool on our own catalogue, found on PATH as makemessages finds msgmerge
        subprocess.run(["msgcat", "-o", path, path], check=True)  # noqa: S603, S607
    return len(po.untranslated_entries())
