"""The module catalogue: one query for every module in every language, grouped per module."""

from dataclasses import dataclass, field

from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from content.models import CompetenceArea, Level


class CatalogueFilterForm(forms.Form):
    level = forms.ChoiceField(label=_("Level"), required=False)
    area = forms.ChoiceField(label=_("Competence area"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["level"].choices = [("", _("All levels"))] + [
            (level.code, str(level)) for level in Level.objects.all()
        ]
        self.fields["area"].choices = [("", _("All areas"))] + [
            (area.key, area.name) for area in CompetenceArea.objects.all()
        ]


@dataclass
class ModuleCard:
    page: object  # the module in the reader's language, or the version that exists
    translated: bool
    languages: list = field(default_factory=list)  # (code, name) of every live version


def module_cards(*, index, language, level=None, area=None):
    """Cards for the modules below any language version of `index`, in a fixed query count."""
    from .models import ModulePage

    roots = list(index.get_translations(inclusive=True).values_list("path", flat=True))
    within = Q()
    for path in roots:
        within |= Q(path__startswith=path)
    modules = (
        ModulePage.objects.live()
        .public()
        .filter(within)
        .select_related("locale", "level", "area")
        .order_by("area__order", "level__code", "path")
    )
    if level:
        modules = modules.filter(level__code=level)
    if area:
        modules = modules.filter(area__key=area)

    order = [code for code, _name in settings.LANGUAGES]
    names = dict(settings.LANGUAGES)
    grouped = {}
    for module in modules:
        grouped.setdefault(module.translation_key, []).append(module)
    cards = []
    for versions in grouped.values():
        by_language = {m.locale.language_code: m for m in versions}
        codes = sorted(by_language, key=order.index)
        page = (
            by_language.get(language)
            or by_language.get(settings.LANGUAGE_CODE)
            or by_language[codes[0]]
        )
        cards.append(
            ModuleCard(
                page=page,
                translated=language in by_language,
                languages=[(code, names[code]) for code in codes],
            )
        )
    return cards
