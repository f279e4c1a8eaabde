"""django-modeltranslation: the framework vocabularies get one column per language."""

from modeltranslation.translator import TranslationOptions, register

from .models import CompetenceArea, Level, Statement


@register(Level)
class LevelTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("en",)


@register(CompetenceArea)
class CompetenceAreaTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("en",)


@register(Statement)
class StatementTranslation(TranslationOptions):
    fields = ("text",)
    required_languages = ("en",)
