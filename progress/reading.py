"""Reading progress: per lesson, module, course and the learner's dashboard, in a fixed number
of queries. Course page types come through courses.api, the course app's public face."""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models.functions import Length, Substr
from wagtail.models import Page

from accounts import api as accounts_api
from courses import api as courses_api

from .constants import ActivityType, Status
from .models import Certificate, LessonProgress


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
    return getattr(courses_api, name)


def can_record(learner):
    return accounts_api.can_record_progress(learner)


def live_page(*, kind, page_id):
    """The live lesson, module or course with this id, or None: what the views may act on."""
    model = _model({"lesson": "LessonPage", "module": "ModulePage", "course": "CoursePage"}[kind])
    return model.objects.live().select_related("locale").filter(id=page_id).first()


def catalogue_page(*, language):
    """The course catalogue in `language`, else in the source language, else None."""
    pages = _model("CourseIndexPage").objects.live().select_related("locale")
    by_language = {page.locale.language_code: page for page in pages}
    return by_language.get(language) or by_language.get(settings.LANGUAGE_CODE)


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
