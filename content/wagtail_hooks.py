"""The framework vocabularies are edited in the Wagtail admin, every language on one form."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import CompetenceArea, Level, Statement


def per_language(*fields):
    """One panel per language holding that language's columns of the given fields."""
    return [
        MultiFieldPanel([FieldPanel(f"{field}_{code}") for field in fields], heading=name)
        for code, name in settings.LANGUAGES
    ]


class LevelViewSet(SnippetViewSet):
    model = Level
    icon = "list-ol"
    list_display = ["code", "name"]
    panels = [FieldPanel("code"), *per_language("name", "description")]


class CompetenceAreaViewSet(SnippetViewSet):
    model = CompetenceArea
    icon = "folder-open-1"
    list_display = ["name", "key", "order"]
    panels = [FieldPanel("key"), FieldPanel("order"), *per_language("name", "description")]


class StatementViewSet(SnippetViewSet):
    model = Statement
    icon = "openquote"
    list_display = ["text", "area", "level"]
    list_filter = ["area", "level"]
    panels = [FieldPanel("area"), FieldPanel("level"), FieldPanel("order"), *per_language("text")]


class FrameworkViewSetGroup(SnippetViewSetGroup):
    items = (LevelViewSet, CompetenceAreaViewSet, StatementViewSet)
    menu_icon = "table"
    menu_label = _("Framework")
    menu_name = "framework"


register_snippet(FrameworkViewSetGroup)
