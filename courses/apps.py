from django.apps import AppConfig
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def claim_placement_on_login(sender, request, user, **kwargs):
    """Keep the self-assessment a visitor took just before signing in or signing up."""
    from . import api

    session = getattr(request, "session", None)
    if session is not None:
        api.claim_session_placement(session=session, learner=user, now=timezone.now())


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Courses")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        user_logged_in.connect(claim_placement_on_login, dispatch_uid="courses_claim_placement")
