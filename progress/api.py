"""Recording and reading learners' progress. Views, tasks and loaders call these; nothing else
writes progress rows.

Everything is keyed on a page's `translation_key`, never on its id, so a learner who switches
language keeps every completion. Course pages are looked up by name (`courses.<Model>`), as a
ForeignKey string names them: progress reads the page tree without importing courses' internals.
"""

import uuid
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F, Value
from django.db.models.functions import Greatest, Length, Substr
from wagtail.models import Page

from accounts import api as accounts_api

from .constants import ACTIVITY_ID_PREFIX, XAPI_VERSION, ActivityType, Status, Verb
from .models import Certificate, LessonProgress, Statement

__all__ = [
    "Completion",
    "Dashboard",
    "LessonState",
    "ModuleEntry",
    "ModuleState",
    "ProgressNotAllowed",
    "StatementConflict",
    "UnknownAnswer",
    "answer_self_check",
    "can_record",
    "catalogue_page",
    "check_answer",
    "complete_lesson",
    "course_progress",
    "dashboard",
    "lesson_state",
    "live_page",
    "module_progress",
    "module_state",
    "modules_progress",
    "next_lesson",
    "record_statement",
    "start_module",
    "xapi_statement",
]

# ADL's activity types, so an outside LRS reads our statements without a profile of ours.
ACTIVITY_TYPE_IRIS = {
    ActivityType.LESSON: "http://adlnet.gov/expapi/activities/lesson",
    ActivityType.MODULE: "http://adlnet.gov/expapi/activities/module",
    ActivityType.COURSE: "http://adlnet.gov/expapi/activities/course",
}
PAGE_ACTIVITY_TYPES = {
    "lessonpage": ActivityType.LESSON,
    "modulepage": ActivityType.MODULE,
    "coursepage": ActivityType.COURSE,
}


class ProgressNotAllowed(PermissionDenied):
    """The learner may not have progress stored (signed out, or a guardian has not agreed)."""


class StatementConflict(ValueError):
    """A statement id already names a different statement (xAPI's 409 Conflict)."""


class UnknownAnswer(LookupError):
    """The answer names no self-check question of the lesson, or no answer of it."""


@dataclass
class Completion:
    """What a completion did; the summary row is read only if the caller asks for it."""

    newly_completed: bool
    module_completed: bool = False
    course_completed: bool = False
    row: LessonProgress | None = None
    rows: object = None

    @property
    def progress(self):
        if self.row is None and self.rows is not None:
            self.row = self.rows.first()
        return self.row


@dataclass(frozen=True)
class LessonState:
    completed: bool
    can_record: bool


@dataclass(frozen=True)
class ModuleState:
    done: int
    total: int
    started: bool
    completed_keys: frozenset
    next_lesson: Page | None
    can_record: bool

    @property
    def completed(self):
        return self.total > 0 and self.done >= self.total


@dataclass
class ModuleEntry:
    """One module on the dashboard, in the reader's language where it exists."""

    module: Page
    done: int
    total: int
    translated: bool
    next_lesson: Page | None = None
    certificate: Certificate | None = None

    @property
    def completed(self):
        return self.total > 0 and self.done >= self.total


@dataclass
class Dashboard:
    in_progress: list = field(default_factory=list)
    completed: list = field(default_factory=list)
    certificates: list = field(default_factory=list)
    # translation keys of every module the learner has touched, to leave out of suggestions
    module_keys: set = field(default_factory=set)
    can_record: bool = True


def _model(name):
    return apps.get_model("courses", name)


def can_record(learner):
    return accounts_api.can_record_progress(learner)


def _check_can_record(learner):
    if not can_record(learner):
        raise ProgressNotAllowed


def live_page(*, kind, page_id):
    """The live lesson, module or course with this id, or None: what the views may act on."""
    model = _model({"lesson": "LessonPage", "module": "ModulePage", "course": "CoursePage"}[kind])
    return model.objects.live().select_related("locale").filter(id=page_id).first()


def catalogue_page(*, language):
    """The course catalogue in `language`, else in the source language, else None."""
    pages = _model("CourseIndexPage").objects.live().select_related("locale")
    by_language = {page.locale.language_code: page for page in pages}
    return by_language.get(language) or by_language.get(settings.LANGUAGE_CODE)


def _activity_type(page):
    return PAGE_ACTIVITY_TYPES[page.specific_class._meta.model_name]


def xapi_statement(*, statement_id, learner, verb, page, activity_type, language, now, result=None):
    """An xAPI 1.0.3 statement. The actor is an account on this site named by the user id: an
    outside LRS learns nothing about who the learner is."""
    statement = {
        "id": str(statement_id),
        "actor": {
            "objectType": "Agent",
            "account": {"homePage": settings.WAGTAILADMIN_BASE_URL, "name": str(learner.pk)},
        },
        "verb": {"id": verb, "display": {"en-US": Verb(verb).name.lower()}},
        "object": {
            "objectType": "Activity",
            "id": f"{ACTIVITY_ID_PREFIX}{page.translation_key}",
            "definition": {
                "type": ACTIVITY_TYPE_IRIS[activity_type],
                "name": {language: page.title},
            },
        },
        "timestamp": now.isoformat(),
        "version": XAPI_VERSION,
    }
    if result:
        statement["result"] = result
    return statement


def _result(*, score, success, completion, duration_seconds, response):
    result = {}
    if score is not None:
        result["score"] = {"scaled": score}
    if success is not None:
        result["success"] = success
    if completion is not None:
        result["completion"] = completion
    if response is not None:
        result["response"] = response
    if duration_seconds is not None:
        result["duration"] = f"PT{int(duration_seconds)}S"
    return result


def record_statement(
    *,
    learner,
    verb,
    page,
    now,
    statement_id=None,
    score=None,
    success=None,
    completion=None,
    duration_seconds=None,
    response=None,
):
    """Store one xAPI statement about `page`; returns (statement, created).

    Idempotent on the statement id: sending the same statement again changes nothing. An id
    that already names another learner's or another activity's statement is refused."""
    _check_can_record(learner)
    fresh = not statement_id
    statement_id = uuid.UUID(str(statement_id)) if statement_id else uuid.uuid4()
    if score is not None and not -1 <= score <= 1:
        raise ValueError("An xAPI scaled score is between -1 and 1.")
    activity_type = _activity_type(page)
    language = page.locale.language_code
    raw = xapi_statement(
        statement_id=statement_id,
        learner=learner,
        verb=verb,
        page=page,
        activity_type=activity_type,
        language=language,
        now=now,
        result=_result(
            score=score,
            success=success,
            completion=completion,
            duration_seconds=duration_seconds,
            response=response,
        ),
    )
    fields = {
        "learner": learner,
        "verb": verb,
        "activity_key": page.translation_key,
        "activity_type": activity_type,
        "language": language,
        "score": score,
        "success": success,
        "completion": completion,
        "duration_seconds": duration_seconds,
        "timestamp": now,
        "raw": raw,
    }
    if fresh:
        # a new id cannot collide: insert without the lookup and savepoint get_or_create costs
        return Statement.objects.create(uuid=statement_id, **fields), True
    with transaction.atomic():
        statement, created = Statement.objects.get_or_create(uuid=statement_id, defaults=fields)
    if not created and (
        statement.learner_id != learner.pk
        or statement.verb != verb
        or statement.activity_key != page.translation_key
    ):
        raise StatementConflict(f"Statement {statement_id} is already stored with other data.")
    return statement, created


def _touch(*, learner, lesson_key, module_key, now):
    """The learner's summary row for a lesson, locked for the update that follows."""
    row, _created = LessonProgress.objects.select_for_update().get_or_create(
        learner=learner,
        lesson_key=lesson_key,
        defaults={"module_key": module_key, "started_at": now, "last_activity_at": now},
    )
    row.module_key = module_key
    row.last_activity_at = max(row.last_activity_at, now)
    return row


def start_module(*, learner, module, now):
    """Record that the learner started the module; returns the lesson to go to (or None).

    The lesson to resume gets a summary row "in progress", so the module shows on the dashboard
    before anything is completed."""
    _check_can_record(learner)
    with transaction.atomic():
        record_statement(learner=learner, verb=Verb.INITIALIZED, page=module, now=now)
        lesson = next_lesson(learner=learner, module=module)
        if lesson is not None:
            _touch(
                learner=learner,
                lesson_key=lesson.translation_key,
                module_key=module.translation_key,
                now=now,
            ).save()
    return lesson


def complete_lesson(*, learner, lesson, now, statement_id=None, score=None, duration_seconds=None):
    """Record the lesson as completed, once per statement id; returns a `Completion`.

    When this completes the module (or the course), its certificate is issued."""
    _check_can_record(learner)
    with transaction.atomic():
        _statement, recorded = record_statement(
            learner=learner,
            verb=Verb.COMPLETED,
            page=lesson,
            now=now,
            statement_id=statement_id,
            score=score,
            completion=True,
            duration_seconds=duration_seconds,
        )
        if not recorded:
            row = LessonProgress.objects.filter(
                learner=learner, lesson_key=lesson.translation_key
            ).first()
            return Completion(row=row, newly_completed=False)
        mine = LessonProgress.objects.filter(learner=learner, lesson_key=lesson.translation_key)
        repeat = {
            "last_activity_at": Greatest(F("last_activity_at"), Value(now)),
            "time_spent_seconds": F("time_spent_seconds") + int(duration_seconds or 0),
        }
        if score is not None:
            repeat["score"] = max(0.0, score)
        if mine.filter(status=Status.COMPLETED).update(**repeat):
            # completed before (a learner coming back to a lesson): one UPDATE, nothing to issue
            return Completion(rows=mine, newly_completed=False)
        row = mine.select_for_update().first()
        if row is None:
            # the module's key is needed only for a new row; an existing one already has it
            row = LessonProgress.objects.create(
                learner=learner,
                lesson_key=lesson.translation_key,
                module_key=lesson.get_parent().translation_key,
                status=Status.COMPLETED,
                score=None if score is None else max(0.0, score),
                time_spent_seconds=int(duration_seconds or 0),
                started_at=now,
                last_activity_at=now,
                completed_at=now,
            )
            newly_completed = True
        else:
            newly_completed = row.status != Status.COMPLETED
            row.status = Status.COMPLETED
            row.completed_at = row.completed_at or now
            row.last_activity_at = max(row.last_activity_at, now)
            if score is not None:
                row.score = max(0.0, score)
            row.time_spent_seconds += int(duration_seconds or 0)
            row.save(
                update_fields=[
                    "status",
                    "completed_at",
                    "last_activity_at",
                    "score",
                    "time_spent_seconds",
                ]
            )
        module_done = course_done = False
        if newly_completed:
            module_done, course_done = _issue_certificates(
                learner=learner, module=lesson.get_parent(), now=now
            )
    return Completion(
        row=row,
        newly_completed=newly_completed,
        module_completed=module_done,
        course_completed=course_done,
    )


def _issue_certificates(*, learner, module, now):
    """Issue the module's certificate when all its lessons are done, and the course's when all
    its modules are. Returns (module completed, course completed)."""
    # imported here: the certificates module reads progress through this one
    from .certificates import issue_certificate

    done, total = module_progress(learner=learner, module=module)
    if not total or done < total:
        return False, False
    issue_certificate(learner=learner, kind=ActivityType.MODULE, page=module.specific, now=now)
    course = module.get_parent()
    done, total = course_progress(learner=learner, course=course)
    if not total or done < total:
        return True, False
    issue_certificate(learner=learner, kind=ActivityType.COURSE, page=course.specific, now=now)
    return True, True


def check_answer(*, lesson, block_id, answer_index):
    """The chosen answer of a self-check question in the lesson, and whether it is correct."""
    for block in lesson.specific.body:
        if block.block_type == "self_check" and block.id == block_id:
            answers = list(block.value["answers"])
            if 0 <= answer_index < len(answers):
                answer = answers[answer_index]
                return answer, bool(answer["correct"])
    raise UnknownAnswer(f"No answer {answer_index} of question {block_id} in this lesson.")


def answer_self_check(*, learner, lesson, block_id, answer_index, now):
    """Record the answer ("answered", with success) and complete the lesson with score 1 or 0;
    returns (answer, correct)."""
    _check_can_record(learner)
    answer, correct = check_answer(lesson=lesson, block_id=block_id, answer_index=answer_index)
    score = 1.0 if correct else 0.0
    with transaction.atomic():
        record_statement(
            learner=learner,
            verb=Verb.ANSWERED,
            page=lesson,
            now=now,
            score=score,
            success=correct,
            response=f"{block_id}:{answer_index}",
        )
        complete_lesson(learner=learner, lesson=lesson, now=now, score=score)
    return answer, correct


# --- reading -------------------------------------------------------------------------------


def _source_versions(pages):
    """{translation_key: the live version in the source language, else the page itself}.

    Totals count the source tree's lessons, so a lesson not yet translated still counts."""
    pages = list(pages)
    found = {
        page.translation_key: page
        for page in Page.objects.live().filter(
            translation_key__in={page.translation_key for page in pages},
            locale__language_code=settings.LANGUAGE_CODE,
        )
    }
    return {page.translation_key: found.get(page.translation_key, page) for page in pages}


def _live_children(parents):
    """{parent path: its live children in tree order}, in one query for any number of parents."""
    paths = {parent.path for parent in parents}
    children = {path: [] for path in paths}
    if not paths:
        return children
    rows = (
        Page.objects.live()
        .annotate(parent_path=Substr("path", 1, Length("path") - Page.steplen))
        .filter(parent_path__in=paths)
        .order_by("path")
    )
    for child in rows:
        children[child.path[: -Page.steplen]].append(child)
    return children


def _statuses(learner, lesson_keys):
    """{lesson_key: status} of the learner's summary rows for these lessons."""
    if not lesson_keys:
        return {}
    return dict(
        LessonProgress.objects.filter(learner=learner, lesson_key__in=lesson_keys).values_list(
            "lesson_key", "status"
        )
    )


def _completed(statuses):
    return frozenset(key for key, status in statuses.items() if status == Status.COMPLETED)


def modules_progress(*, learner, modules):
    """{module translation_key: (done, total)} for any number of modules in three queries."""
    sources = _source_versions(modules)
    lessons = _live_children(sources.values())
    keys = {lesson.translation_key for found in lessons.values() for lesson in found}
    completed = _completed(_statuses(learner, keys))
    result = {}
    for key, source in sources.items():
        found = lessons[source.path]
        result[key] = (
            sum(1 for lesson in found if lesson.translation_key in completed),
            len(found),
        )
    return result


def module_progress(*, learner, module):
    """(lessons completed, live lessons in the source module)."""
    return modules_progress(learner=learner, modules=[module])[module.translation_key]


def course_progress(*, learner, course):
    """(modules completed, live modules in the source course)."""
    source = _source_versions([course])[course.translation_key]
    modules = _live_children([source])[source.path]
    progress = modules_progress(learner=learner, modules=modules).values()
    return sum(1 for done, total in progress if total and done >= total), len(modules)


def next_lesson(*, learner, module):
    """The first live lesson of the module, in the module's language, not yet completed."""
    lessons = _live_children([module])[module.path]
    completed = _completed(_statuses(learner, {lesson.translation_key for lesson in lessons}))
    return next((lesson for lesson in lessons if lesson.translation_key not in completed), None)


def lesson_state(*, learner, lesson):
    statuses = _statuses(learner, {lesson.translation_key})
    return LessonState(
        completed=statuses.get(lesson.translation_key) == Status.COMPLETED,
        can_record=can_record(learner),
    )


def module_state(*, learner, module):
    """Everything the module page shows about the learner, in four queries."""
    source = _source_versions([module])[module.translation_key]
    children = _live_children({source, module})
    source_lessons = children[source.path]
    lessons = children[module.path]
    keys = {lesson.translation_key for lesson in [*source_lessons, *lessons]}
    statuses = _statuses(learner, keys)
    completed = _completed(statuses)
    return ModuleState(
        done=sum(1 for lesson in source_lessons if lesson.translation_key in completed),
        total=len(source_lessons),
        started=bool(statuses),
        completed_keys=completed,
        next_lesson=next((ls for ls in lessons if ls.translation_key not in completed), None),
        can_record=can_record(learner),
    )


def _pick(versions, language):
    return (
        versions.get(language)
        or versions.get(settings.LANGUAGE_CODE)
        or versions[min(versions, key=[code for code, _name in settings.LANGUAGES].index)]
    )


def dashboard(*, learner, language):
    """The learner's modules in progress (most recent first, each with where to continue),
    completed modules and certificates, in the same few queries however long the history."""
    rows = list(
        LessonProgress.objects.filter(learner=learner).values_list(
            "module_key", "lesson_key", "status", "last_activity_at"
        )
    )
    last_activity = {}
    for module_key, _lesson_key, _status, at in rows:
        last_activity[module_key] = max(at, last_activity.get(module_key, at))
    completed = frozenset(lesson for _m, lesson, status, _at in rows if status == Status.COMPLETED)
    result = Dashboard(module_keys=set(last_activity), can_record=can_record(learner))

    versions = {}
    modules = (
        _model("ModulePage")
        .objects.live()
        .filter(translation_key__in=last_activity)
        .select_related("locale", "level", "area")
    )
    for module in modules:
        versions.setdefault(module.translation_key, {})[module.locale.language_code] = module
    shown = {key: _pick(found, language) for key, found in versions.items()}
    sources = {
        key: found.get(settings.LANGUAGE_CODE, shown[key]) for key, found in versions.items()
    }
    children = _live_children({*shown.values(), *sources.values()})
    certificates = list(Certificate.objects.filter(learner=learner).order_by("-issued_at"))
    by_module = {c.activity_key: c for c in certificates if c.kind == ActivityType.MODULE}
    result.certificates = certificates

    for key in sorted(shown, key=last_activity.get, reverse=True):
        module = shown[key]
        source_lessons = children[sources[key].path]
        entry = ModuleEntry(
            module=module,
            done=sum(1 for lesson in source_lessons if lesson.translation_key in completed),
            total=len(source_lessons),
            translated=module.locale.language_code == language,
            certificate=by_module.get(key),
        )
        if entry.completed:
            result.completed.append(entry)
        else:
            entry.next_lesson = next(
                (ls for ls in children[module.path] if ls.translation_key not in completed), None
            )
            result.in_progress.append(entry)
    return result
