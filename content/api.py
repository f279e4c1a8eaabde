"""Locales, the framework vocabularies, and publishing pages and their translations.

The demo loader, admin hooks and later the partner-translation views call these."""

import json
from pathlib import Path

import yaml
from django.conf import settings
from django.db import transaction
from wagtail.fields import StreamField
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from .dates import babel_locale, current_locale, local_date
from .models import CompetenceArea, Level, Statement
from .pagecache import cached as cached_until_pages_change

__all__ = [
    "FRAMEWORK_DIR",
    "babel_locale",
    "current_locale",
    "local_date",
    "cached_until_pages_change",
    "ensure_locales",
    "load_framework",
    "publish_page",
    "publish_translation",
]

FRAMEWORK_DIR = Path(__file__).resolve().parent / "data"


def ensure_locales():
    """One Wagtail Locale per configured language; safe to call at every migrate."""
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


def _read_yaml(path):
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def load_framework(*, directory=FRAMEWORK_DIR):
    """Create or update levels, areas and statements from the YAML files, in every language.

    English is in `levels.yaml` and `framework/<area>.yaml`; each other language in
    `i18n/<lang>.yaml`. Returns the number of statements."""
    directory = Path(directory)
    languages = [code for code, _name in settings.LANGUAGES if code != "en"]
    translations = {
        code: _read_yaml(directory / "i18n" / f"{code}.yaml") or {}
        for code in languages
        if (directory / "i18n" / f"{code}.yaml").exists()
    }
    count = 0
    with transaction.atomic():
        for code, data in _read_yaml(directory / "levels.yaml").items():
            values = {"name_en": data["name"], "description_en": data["description"]}
            for lang, tr in translations.items():
                level_tr = tr.get("levels", {}).get(code, {})
                values[f"name_{lang}"] = level_tr.get("name", "")
                values[f"description_{lang}"] = level_tr.get("description", "")
            Level.objects.update_or_create(code=code, defaults=values)
        levels = {level.code: level for level in Level.objects.all()}
        area_files = sorted((directory / "framework").glob("*.yaml"))
        for order, path in enumerate(area_files, start=1):
            data = _read_yaml(path)
            key = data["key"]
            values = {
                "order": data.get("order", order),
                "name_en": data["name"],
                "description_en": data["description"],
            }
            for lang, tr in translations.items():
                area_tr = tr.get("areas", {}).get(key, {})
                values[f"name_{lang}"] = area_tr.get("name", "")
                values[f"description_{lang}"] = area_tr.get("description", "")
            area, _created = CompetenceArea.objects.update_or_create(key=key, defaults=values)
            for level_code, texts in data["statements"].items():
                for position, text in enumerate(texts, start=1):
                    values = {"text_en": text}
                    for lang, tr in translations.items():
                        tr_texts = tr.get("areas", {}).get(key, {}).get("statements", {})
                        tr_texts = tr_texts.get(level_code, [])
                        values[f"text_{lang}"] = (
                            tr_texts[position - 1] if position <= len(tr_texts) else ""
                        )
                    Statement.objects.update_or_create(
                        area=area, level=levels[level_code], order=position, defaults=values
                    )
                    count += 1
                Statement.objects.filter(area=area, level=levels[level_code]).exclude(
                    order__lte=len(texts)
                ).delete()
    return count


def publish_page(*, parent, page_class, slug, fields, user=None):
    """Create the page under `parent` (or update the one with that slug) and publish it."""
    with transaction.atomic():
        page = page_class.objects.child_of(parent).filter(slug=slug).first()
        if page is None:
            page = page_class(slug=slug, locale_id=parent.locale_id, **fields)
            parent.add_child(instance=page)
        elif _unchanged(page, fields) and page.live and not page.has_unpublished_changes:
            # publishing the same content again would only add a revision
            return page
        else:
            for name, value in fields.items():
                setattr(page, name, value)
        page.save_revision(user=user).publish(user=user)
    return page


def _unchanged(page, fields):
    for name, value in fields.items():
        current = getattr(page, name)
        if isinstance(page._meta.get_field(name), StreamField):
            wanted = json.loads(value) if isinstance(value, str) else value
            if list(current.raw_data) != list(wanted):
                return False
        elif current != value:
            return False
    return True


def _translation_is_current(*, page, locale, po):
    """Whether the live translation already says what `po` says, for this English version."""
    target = page.get_translation_or_none(locale)
    if target is None or not target.live or target.has_unpublished_changes:
        return False
    if not page.last_published_at or page.last_published_at > target.last_published_at:
        return False
    stored = {
        (item.context.path, item.translation_of.data): item.data
        for item in StringTranslation.objects.filter(
            context__object_id=page.translation_key, locale=locale
        ).select_related("context", "translation_of")
    }
    return all(
        stored.get((entry.msgctxt, entry.msgid)) == entry.msgstr
        for entry in po
        if not entry.obsolete and entry.msgstr
    )


def publish_translation(*, page, locale, po, user=None):
    """Import a translated PO file for `page` through wagtail-localize and publish the result.

    The PO's translation id is rewritten to this database's, so a file exported elsewhere
    applies. Returns wagtail-localize's import warnings (unknown or stale strings); a file that
    changes nothing publishes nothing."""
    if _translation_is_current(page=page, locale=locale, po=po):
        return None, []
    with transaction.atomic():
        source, _created = TranslationSource.update_or_create_from_instance(page)
        translation, _created = Translation.objects.update_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        po.metadata["X-WagtailLocalize-TranslationID"] = str(translation.uuid)
        warnings = translation.import_po(po, delete=True, user=user, tool_name="PO file")
    # wagtail-localize publishes in on_commit: save outside our atomic block so it happens now
    translation.save_target(user=user, publish=True)
    return translation, warnings
