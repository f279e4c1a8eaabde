"""Recording and reading learners' progress. Views, tasks and loaders call these; nothing else
writes progress rows.

Everything is keyed on a page's `translation_key`, never on its id, so a learner who switches
language keeps every completion. Course page types come through `courses.api`.
"""

import uuid
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import F, Value
from django.db.models.functions import Greatest

from .caseload import (  # noqa: F401 - the caseload readers are part of the public face
    ModuleCounts,
    certificates_of,
    last_activity,
    many_modules_progress,
    module_keys_of_course,
    module_totals,
    modules_by_key,
    modules_touched,
)
from .constants import ActivityType, Status, Verb
from .models import LessonProgress, Statement
from .reading import (  # noqa: F401 - the public face re-exports the readers
    Dashboard,
    LessonState,
    ModuleEntry,
    ModuleState,
    _model,
    can_record,
    catalogue_page,
    course_progress,
    dashboard,
    lesson_state,
    live_page,
    module_progress,
    module_state,
    modules_progress,
    next_lesson,
)
from .xapi import _activity_type, _result, xapi_statement  # noqa: F401

__all__ = [
    "Completion",
    "Dashboard",
    "ModuleCounts",
    "certificates_of",
    "last_activity",
    "many_modules_progress",
    "module_keys_of_course",
    "modules_by_key",
    "module_totals",
    "modules_touched",
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


class ProgressNotAllowed(PermissionDenied):
    """The learner may not have progress stored (signed out, or a guardian has not agreed)."""


class StatementConflict(ValueError):
    """A statement id already names a different statement (xAPI's 409 Conflict)."""


class UnknownAnswer(LookupError):
    """The answer names no self-check question of the lesson, or no answer of it."""


def _check_can_record(learner):
    if not can_record(learner):
        raise ProgressNotAllowed


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


def _insert_completed(*, learner, lesson, now, score, seconds):
    """A new completed row for the lesson, or None when the learner's row for it appeared
    since it was looked for (progress_lesson_once): the savepoint keeps the caller's
    transaction usable, so the caller updates that row instead of failing."""
    try:
        with transaction.atomic():
            # the module's key is needed only for a new row; an existing one already has it
            return LessonProgress.objects.create(
                learner=learner,
                lesson_key=lesson.translation_key,
                module_key=lesson.get_parent().translation_key,
                status=Status.COMPLETED,
                score=None if score is None else max(0.0, score),
                time_spent_seconds=int(seconds or 0),
                started_at=now,
                last_activity_at=now,
                completed_at=now,
            )
    except IntegrityError:
        if not LessonProgress.objects.filter(
            learner=learner, lesson_key=lesson.translation_key
        ).exists():
            raise  # another constraint than progress_lesson_once: not a double click
        return None


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
        new = None
        if row is None:
            new = _insert_completed(
                learner=learner, lesson=lesson, now=now, score=score, seconds=duration_seconds
            )
            # None: another request (a double click) made the row first; this one updates it
            row = new or mine.select_for_update().get()
        if new is not None:
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
