"""The moderators' side: each kind of post as a snippet in the admin, where Wagtail's workflow
buttons approve or ask for changes. Members never use the admin; they write on the site."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Event, OrganisationProfile, Tool


class ToolViewSet(SnippetViewSet):
    model = Tool
    icon = "cogs"
    list_display = ["name", "organisation", "live"]
    list_filter = ["live", "level"]
    search_fields = ["name"]
    panels = [
        FieldPanel("organisation", read_only=True),
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("audience"),
        FieldPanel("languages"),
        FieldPanel("level"),
        FieldPanel("link"),
        FieldPanel("licence"),
    ]


class EventViewSet(SnippetViewSet):
    model = Event
    icon = "date"
    list_display = ["title", "organisation", "start", "live"]
    list_filter = ["live", "format"]
    search_fields = ["title"]
    panels = [
        FieldPanel("organisation", read_only=True),
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("start"),
        FieldPanel("end"),
        FieldPanel("time_zone"),
        FieldPanel("format"),
        FieldPanel("address"),
        FieldPanel("languages"),
        FieldPanel("audience"),
        FieldPanel("registration_url"),
        FieldPanel("capacity"),
    ]


class ProfileViewSet(SnippetViewSet):
    model = OrganisationProfile
    icon = "group"
    list_display = ["organisation", "kind", "city", "live"]
    list_filter = ["live", "kind"]
    panels = [
        FieldPanel("organisation", read_only=True),
        FieldPanel("kind"),
        FieldPanel("city"),
        FieldPanel("languages"),
        FieldPanel("services"),
        FieldPanel("website"),
        FieldPanel("contact_email"),
        FieldPanel("logo"),
        FieldPanel("about"),
    ]


class NetworkViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Network")
    menu_icon = "site"
    items = (ToolViewSet, EventViewSet, ProfileViewSet)


register_snippet(NetworkViewSetGroup)
