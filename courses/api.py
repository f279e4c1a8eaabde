"""The placement self-assessment: scoring it, keeping a visitor's result in the session, saving a
learner's results, and reading them back for the result page and the progress dashboard.

Views, the sign-in signal receiver and other apps call these; nothing else writes placement rows."""

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Prefetch, Q
from django.utils.dateparse import parse_datetime

from accounts import api as accounts_api
from content.models import CompetenceArea, Level, Statement

from .models import (
    CourseIndexPage,
    CoursePage,
    LessonPage,
    ModulePage,
    PlacementAreaResult,
    PlacementResult,
)
from .placement import Change, FrameworkItem, level_change, score_ratings, statement_key

__all__ = [
    # the page types, for the layers above that read the course tree
    "CourseIndexPage",
    "CoursePage",
    "LessonPage",
    "ModulePage",
    "AreaReport",
    "Placement",
    "can_save_placement",
    "claim_session_placement",
    "latest_placement",
    "modules_for_placement",
    "placement_history",
    "placement_report",
    "placement_statements",
    "recommended_modules",
    "remember_placement",
    "save_placement",
    "score_placement",
    "session_placement",
]

SESSION_KEY = "courses.placement"
# An older result in the session is not claimed at sign-in: on a shared computer it is more
# likely to be someone else's than the answers of the person signing in.
CLAIM_WINDOW = timedelta(days=1)


@dataclass(frozen=True)
class Placement:
    """One result as pages and the dashboard read it, saved or kept in a visitor's session."""

    uuid: uuid.UUID
    taken_at: datetime
    language: str
    # area key -> {"name": translated area name, "level": "A" | "B" | "C", "score": 0..1}
    levels: dict
    saved: bool = True


@dataclass(frozen=True)
class AreaReport:
    """One area of the result page: the level, the change since last time, where to start."""

    key: str
    name: str
    score: float
    level: Level
    previous_level: Level | None
    change: Change | None
    module: ModulePage | None
    module_translated: bool


def placement_statements():
    """The framework's statements in the order the form asks them, each with its `placement_key`."""
    statements = list(
        Statement.objects.select_related("area", "level").order_by(
            "area__order", "area__key", "level__code", "order"
        )
    )
    for statement in statements:
        statement.placement_key = statement_key(
            statement.area.key, statement.level.code, statement.order
        )
    return statements


def _items(statements):
    return [
        FrameworkItem(key=s.placement_key, area_key=s.area.key, level_code=s.level.code)
        for s in statements
    ]


def score_placement(*, ratings):
    """{area key: (score 0..1, level code)}; ValueError unless every statement is rated 1..4."""
    return score_ratings(ratings, _items(placement_statements()))


def can_save_placement(*, learner):
    """Only a signed-in learner's results are stored, and not before a guardian has consented."""
    return learner is not None and learner.is_active and accounts_api.can_record_progress(learner)


def _save(*, learner, ratings, language, taken_at, result_uuid):
    scores = score_placement(ratings=ratings)
    areas = {area.key: area for area in CompetenceArea.objects.filter(key__in=scores)}
    levels = {level.code: level for level in Level.objects.all()}
    result = PlacementResult.objects.create(
        uuid=result_uuid,
        learner=learner,
        taken_at=taken_at,
        language=language,
        ratings=dict(ratings),
    )
    PlacementAreaResult.objects.bulk_create(
        PlacementAreaResult(result=result, area=areas[key], score=score, level=levels[code])
        for key, (score, code) in scores.items()
    )
    return result


def save_placement(*, learner, ratings, language, now):
    """Store a signed-in learner's answers with the score and suggested level of each area."""
    if not can_save_placement(learner=learner):
        raise PermissionDenied
    with transaction.atomic():
        return _save(
            learner=learner,
            ratings=ratings,
            language=language,
            taken_at=now,
            result_uuid=uuid.uuid4(),
        )


def remember_placement(*, session, ratings, language, now):
    """Keep a visitor's answers in their session only, replacing an earlier one; returns it."""
    score_placement(ratings=ratings)
    session[SESSION_KEY] = {
        "uuid": str(uuid.uuid4()),
        "taken_at": now.isoformat(),
        "language": language,
        "ratings": dict(ratings),
    }
    return session_placement(session=session)


def _session_data(session):
    """The result kept in the session as (uuid, taken_at, language, ratings), or None."""
    data = session.get(SESSION_KEY)
    try:
        taken_at = parse_datetime(data["taken_at"])
        if taken_at is None or not isinstance(data["ratings"], dict):
            return None
        return uuid.UUID(data["uuid"]), taken_at, str(data["language"]), data["ratings"]
    except (KeyError, TypeError, ValueError):
        return None


def session_placement(*, session):
    """The visitor's result kept in the session, scored against today's framework, or None."""
    data = _session_data(session)
    if data is None:
        return None
    result_uuid, taken_at, language, ratings = data
    try:
        scores = score_placement(ratings=ratings)
    except ValueError:
        return None
    names = {area.key: area.name for area in CompetenceArea.objects.filter(key__in=scores)}
    return Placement(
        uuid=result_uuid,
        taken_at=taken_at,
        language=language,
        levels={
            key: {"name": names[key], "level": code, "score": score}
            for key, (score, code) in scores.items()
        },
        saved=False,
    )


def claim_session_placement(*, session, learner, now):
    """Save the result a visitor took before signing in as the learner's; returns it or None.

    Idempotent: the session result keeps its uuid, so claiming twice stores it once, and it
    leaves the session once saved. A result older than `CLAIM_WINDOW` is dropped instead."""
    if SESSION_KEY not in session or not can_save_placement(learner=learner):
        return None
    data = _session_data(session)
    session.pop(SESSION_KEY)
    if data is None:
        return None
    result_uuid, taken_at, language, ratings = data
    if now - taken_at > CLAIM_WINDOW:
        return None
    with transaction.atomic():
        existing = PlacementResult.objects.filter(uuid=result_uuid).first()
        if existing is not None:
            return existing if existing.learner_id == learner.id else None
        try:
            return _save(
                learner=learner,
                ratings=ratings,
                language=language,
                taken_at=min(taken_at, now),
                result_uuid=result_uuid,
            )
        except ValueError:
            # the framework changed since the visitor answered
            return None


def _results(learner):
    return PlacementResult.objects.filter(learner=learner).prefetch_related(
        Prefetch(
            "areas",
            queryset=PlacementAreaResult.objects.select_related("area", "level").order_by(
                "area__order", "area__key"
            ),
        )
    )


def _placement(result):
    return Placement(
        uuid=result.uuid,
        taken_at=result.taken_at,
        language=result.language,
        levels={
            row.area.key: {"name": row.area.name, "level": row.level.code, "score": row.score}
            for row in result.areas.all()
        },
    )


def placement_history(*, learner):
    """The learner's saved results, oldest first, in two queries; [] for a visitor."""
    if learner is None or not learner.is_authenticated:
        return []
    return [_placement(result) for result in _results(learner).order_by("taken_at", "id")]


def latest_placement(*, learner=None, session=None):
    """The learner's latest saved result, else the one kept in `session`, else None."""
    if learner is not None and learner.is_authenticated:
        result = _results(learner).order_by("-taken_at", "-id").first()
        if result is not None:
            return _placement(result)
    if session is not None:
        return session_placement(session=session)
    return None


def _module_versions(placement):
    wanted = Q()
    for area_key, info in placement.levels.items():
        wanted |= Q(area__key=area_key, level__code=info["level"])
    versions = {}
    modules = (
        ModulePage.objects.live()
        .public()
        .filter(wanted)
        .select_related("locale", "level", "area")
        .order_by("path")
    )
    for module in modules:
        versions.setdefault(module.translation_key, {})[module.locale.language_code] = module
    return versions.values()


def modules_for_placement(*, placement, language):
    """One live module per area at the suggested level, in area order.

    Each is the version in `language`, else the English one, else any that exists; a module
    translated into `language` is preferred over one that is not."""
    if not placement.levels:
        return []
    best = {}
    for by_language in _module_versions(placement):
        page = (
            by_language.get(language)
            or by_language.get(settings.LANGUAGE_CODE)
            or next(iter(by_language.values()))
        )
        rank = (language not in by_language, settings.LANGUAGE_CODE not in by_language, page.path)
        current = best.get(page.area.key)
        if current is None or rank < current[0]:
            best[page.area.key] = (rank, page)
    return [best[key][1] for key in placement.levels if key in best]


def recommended_modules(*, learner, language, session=None):
    """Where to start: a module per area at the latest suggested level; [] without a result.

    A visitor passes `learner=None` and their session. Completed modules are not filtered out
    here: the caller knows the learner's progress."""
    placement = latest_placement(learner=learner, session=session)
    if placement is None:
        return []
    return modules_for_placement(placement=placement, language=language)


def placement_report(*, placement, previous, language):
    """The rows of the result page: per area the level, the change since `previous` and the
    module to start with, in a fixed number of queries."""
    levels = {level.code: level for level in Level.objects.all()}
    modules = {
        module.area.key: module
        for module in modules_for_placement(placement=placement, language=language)
    }
    rows = []
    for key, info in placement.levels.items():
        before = previous.levels.get(key) if previous is not None else None
        module = modules.get(key)
        rows.append(
            AreaReport(
                key=key,
                name=info["name"],
                score=info["score"],
                level=levels[info["level"]],
                previous_level=levels[before["level"]] if before else None,
                change=level_change(before["level"], info["level"]) if before else None,
                module=module,
                module_translated=module is not None and module.locale.language_code == language,
            )
        )
    return rows
