"""The demo counsellor's caseload: an organisation, a manager, six clients in five languages at
different stages (on track, done, overdue, stalled, not sharing, just started) and a workshop
group. Everything goes through the apps' api functions; running it again adds nothing twice."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from accounts import api as accounts_api
from counselling import api as counselling_api
from courses.models import LessonPage, ModulePage
from progress import api as progress_api

ORGANISATION = ("pontes-demo-centre", "Pontes Demo Guidance Centre", "FI")
GROUP = "Spring job-search workshop"

STRENGTHS = "discover-your-strengths-interests"
CV = "your-first-cv-and-application"
ASSIGNED_MODULES = [STRENGTHS, CV]

# e-mail name (the user name is client-<name>), display name, language, shares progress,
# in the group, lessons done per module slug, days since last activity, assignment due in N days
CLIENTS = [
    ("ana", "Ana Ferreira", "pt", True, True, {STRENGTHS: 3, CV: 2}, 2, 5),
    ("joris", "Joris de Vries", "nl", True, True, {STRENGTHS: 1}, 4, -6),
    ("elin", "Elin Berg", "sv", True, True, {STRENGTHS: 1}, 24, 12),
    ("aino", "Aino Virtanen", "fi", False, False, {STRENGTHS: 2}, 3, 10),
    ("petar", "Petar Ivanov", "bg", True, True, {}, None, 10),
    ("learner", "Lina Learner", "en", True, False, {}, None, 14),
]
NOTES = {
    "pt": "Antes da nossa próxima sessão, traga as três forças que escolheu.",
    "nl": "Neem je drie sterke punten mee naar ons volgende gesprek.",
}


def _module(slug):
    return ModulePage.objects.live().filter(slug=slug, locale__language_code="en").first()


def _lessons(module):
    return list(LessonPage.objects.live().child_of(module).order_by("path"))


def _give_progress(user, progress, days_ago, now):
    for slug, done in progress.items():
        module = _module(slug)
        if module is None:
            continue
        for lesson in _lessons(module)[:done]:
            progress_api.complete_lesson(
                learner=user, lesson=lesson, now=now - timedelta(days=days_ago or 0)
            )


def load_caseload(*, password_for, now=None):
    """The organisation, its manager and counsellor roles, and the counsellor's clients."""
    now = now or timezone.now()
    User = get_user_model()
    admin = User.objects.get(username="admin")
    counsellor = User.objects.get(username="counsellor")
    slug, name, country = ORGANISATION
    organisation = accounts_api.ensure_organisation(slug=slug, name=name, country=country)
    for username, role in [("manager", "manager"), ("counsellor", "counsellor")]:
        accounts_api.grant_role(
            by=admin,
            organisation=organisation,
            email=f"{username}@pontes.example",
            role=role,
            now=now,
        )
    group = counselling_api.groups_of(counsellor=counsellor).filter(name=GROUP).first()
    if group is None:
        group = counselling_api.create_group(
            counsellor=counsellor, name=GROUP, now=now - timedelta(days=40)
        )
    modules = [module for module in map(_module, ASSIGNED_MODULES) if module is not None]
    for username, display, language, shares, grouped, progress, quiet, due in CLIENTS:
        user, _created = accounts_api.ensure_user(
            username=username if username == "learner" else f"client-{username}",
            email=f"{username}@pontes.example",
            password=password_for(username),
            display_name=display,
            preferred_language=language,
        )
        with transaction.atomic():
            link = (
                counselling_api.links_of_client(client=user).filter(counsellor=counsellor).first()
            )
            if link is None:
                joined = now - timedelta(days=30)
                invitation = counselling_api.create_invitation(counsellor=counsellor, now=joined)
                link = counselling_api.accept_invitation(
                    client=user,
                    code=invitation.code,
                    share_progress=shares,
                    share_assessments=shares,
                    share_certificates=True,
                    now=joined,
                )
                _give_progress(user, progress, quiet, now)
            if grouped:
                counselling_api.add_to_group(
                    counsellor=counsellor, group_id=group.id, link_ids=[link.id], now=now
                )
            for module in modules:
                counselling_api.assign(
                    counsellor=counsellor,
                    page=module,
                    link_ids=[link.id],
                    due_on=(now + timedelta(days=due)).date(),
                    note=NOTES.get(language, ""),
                    language=language,
                    now=now - timedelta(days=28),
                )
    return organisation
