"""The placement self-assessment form: one required four-point answer per framework statement."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .placement import Rating


class PlacementForm(forms.Form):
    """Fields are named by the statements' placement keys, so `ratings` is what the api scores."""

    def __init__(self, *args, statements, **kwargs):
        super().__init__(*args, **kwargs)
        self._areas = {}
        for statement in statements:
            self.fields[statement.placement_key] = forms.TypedChoiceField(
                label=statement.text,
                choices=Rating.choices,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Choose how well this statement describes you."),
                    "invalid_choice": _("Choose one of the four answers."),
                },
            )
            self._areas.setdefault(statement.area.key, (statement.area, []))[1].append(
                statement.placement_key
            )

    def areas(self):
        """(competence area, its bound fields) in framework order, for one fieldset per area."""
        return [(area, [self[name] for name in names]) for area, names in self._areas.values()]

    def unanswered(self):
        """The bound fields with an error, in the order of the page, for the error summary."""
        return [self[name] for name in self.fields if name in self.errors]

    @property
    def ratings(self):
        return dict(self.cleaned_data)
