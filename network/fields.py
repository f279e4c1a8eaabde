"""A short list of codes from a fixed vocabulary (languages, audiences, services), stored as
",pt,en," so that one portable `contains` lookup filters by a code on SQLite and PostgreSQL."""

from django import forms
from django.core import exceptions
from django.db import models
from django.utils.text import capfirst


class CodeListField(models.CharField):
    def __init__(self, *args, choices_list=None, **kwargs):
        self.code_choices = choices_list
        kwargs.setdefault("max_length", 300)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["choices_list"] = self.code_choices
        return name, path, args, kwargs

    def code_choice_list(self):
        choices = self.code_choices
        return list(choices() if callable(choices) else choices)

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def to_python(self, value):
        if isinstance(value, (list, tuple)):
            return list(value)
        if not value:
            return []
        return [code for code in value.split(",") if code]

    def get_prep_value(self, value):
        if isinstance(value, str):  # a lookup value such as ",pt,"
            return value
        codes = list(value or [])
        return f",{','.join(codes)}," if codes else ""

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def validate(self, value, model_instance):
        known = {code for code, _label in self.code_choice_list()}
        unknown = [code for code in value if code not in known]
        if unknown:
            raise exceptions.ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": unknown[0]},
            )
        if not self.blank and not value:
            raise exceptions.ValidationError(self.error_messages["blank"], code="blank")

    def formfield(self, **kwargs):
        defaults = {
            "form_class": forms.MultipleChoiceField,
            "choices": self.code_choice_list(),
            "widget": forms.CheckboxSelectMultiple,
            "required": not self.blank,
            "label": capfirst(self.verbose_name),
            "help_text": self.help_text,
        }
        defaults.update(kwargs)
        form_class = defaults.pop("form_class")
        for key in ("max_length", "empty_value", "choices_form_class", "coerce"):
            defaults.pop(key, None)
        return form_class(**defaults)


def contains_code(field, code):
    """A filter for rows whose list holds `code`."""
    return {f"{field}__contains": f",{code},"}
