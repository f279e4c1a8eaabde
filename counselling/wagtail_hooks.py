"""What counselling adds to pages of the apps below it: the learner's dashboard lists what their
counsellors assigned, in the learner's language."""

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language
from wagtail import hooks

from . import api


@hooks.register("learner_dashboard_panels")
def assignments_panel(request):
    assignments = api.assignments_for(client=request.user, language=get_language())
    linked = api.links_of_client(client=request.user).exists()
    if not assignments and not linked:
        return ""
    return render_to_string(
        "counselling/includes/assignments_panel.html",
        {"assignments": assignments, "today": timezone.localdate()},
        request=request,
    )
