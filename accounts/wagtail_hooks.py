"""Administrators create organisations in the Wagtail admin; roles are granted on the
organisation's page on the site (accounts:organisation), through accounts.api."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Organisation


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    list_display = ["name", "country", "slug"]
    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("country")]


register_snippet(OrganisationViewSet)
