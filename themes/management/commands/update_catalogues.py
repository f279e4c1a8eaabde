import polib
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.core.management.commands import makemessages

IGNORE = [".venv", "node_modules", "var", "tests", "benchmarks", "demo/data"]


class MakeMessages(makemessages.Command):
    """makemessages without msgmerge's guesses: a new string would otherwise arrive filled with
    the translation of a similar old one and marked fuzzy ("Search Pontes" as "search
    entries"), which Django never shows and a translator filling the empty entries misses."""

    msgmerge_options = [*makemessages.Command.msgmerge_options, "--no-fuzzy-matching"]


class Command(BaseCommand):
    help = (
        "Extract interface strings into locale/<lang>/LC_MESSAGES/django.po for every language; "
        "the English catalogue is filled with its source text, the others are left to translators."
    )

    def handle(self, *args, **options):
        codes = [code for code, _name in settings.LANGUAGES]
        call_command(
            MakeMessages(),
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
        po.metadata_is_fuzzy = []
        po.metadata["Language"] = settings.LANGUAGE_CODE
        po.metadata["Project-Id-Version"] = "Pontes"
        po.save(str(english))
        untranslated = {
            code: len(
                polib.pofile(
                    str(english.parents[2] / code / "LC_MESSAGES" / "django.po")
                ).untranslated_entries()
            )
            for code in codes
            if code != settings.LANGUAGE_CODE
        }
        self.stdout.write(f"Untranslated entries per language: {untranslated}")
