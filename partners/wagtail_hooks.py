"""Platform admins assign translation languages to organisations; translated course pages
credit their translators (courses asks for 'page_credits', it does not know this app)."""

from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import api
from .models import LanguageAssignment


class LanguageAssignmentViewSet(SnippetViewSet):
    model = LanguageAssignment
    icon = "globe"
    menu_label = _("Translation languages")
    list_display = ["organisation", "language"]
    list_filter = ["language"]


register_snippet(LanguageAssignmentViewSet)


@hooks.register("page_credits")
def translators_credit(page):
    credits = api.credits_for(page)
    if not credits:
        return ""
    return render_to_string("partners/includes/credit.html", {"credits": credits})
