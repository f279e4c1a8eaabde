"""Reading many learners' progress at once, for the counsellors' caseload: a fixed number of
queries however many learners and modules. progress.api re-exports these."""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Max, OuterRef, Q, Subquery, Value
from django.db.models.functions import Length, Substr
from wagtail.models import Page

from content import api as content_api

from .constants import Status
from .models import Certificate, LessonProgress
from .reading import _live_children, _model, _pick


@dataclass(frozen=True)
class ModuleCounts:
    """{(learner_id, module_key): lessons completed}, {module_key: live lessons}, {learner_id:
    when they last did anything in any module}."""

    done: dict
    totals: dict
    last_activity: dict

    def of(self, learner_id, module_key):
        total = self.totals.get(module_key, 0)
        return min(self.done.get((learner_id, module_key), 0), total), total


def modules_by_key(*, keys, language):
    """{translation_key: the live module in `language`, else English, else any}, one query."""
    versions = {}
    modules = (
        _model("ModulePage")
        .objects.live()
        .filter(translation_key__in=set(keys))
        .select_related("locale", "level", "area")
    )
    for module in modules:
        versions.setdefault(module.translation_key, {})[module.locale.language_code] = module
    return {key: _pick(found, language) for key, found in versions.items()}


def module_keys_of_course(*, course):
    """The translation keys of the course's live modules, in tree order."""
    return [module.translation_key for module in _live_children([course])[course.path]]


def many_modules_progress(*, learner_ids, module_keys):
    """Lessons completed per learner and module, counted against the source tree's live lessons
    (a lesson not yet translated still counts), and each learner's last activity in any module,
    in one query (the lessons of live modules are cached)."""
    module_keys = set(module_keys)
    totals, lesson_keys = module_totals(module_keys=module_keys)
    counted = Q(module_key__in=module_keys, lesson_key__in=lesson_keys, status=Status.COMPLETED)
    rows = (
        LessonProgress.objects.filter(learner_id__in=learner_ids)
        .values_list("learner_id", "module_key")
        .annotate(
            done=Count("id", filter=counted) if lesson_keys else Value(0),
            last=Max("last_activity_at"),
        )
        .order_by()
    )
    done, last_activity = {}, {}
    for learner, module, count, last in rows:
        if count:
            done[learner, module] = count
        if learner not in last_activity or last > last_activity[learner]:
            last_activity[learner] = last
    return ModuleCounts(done=done, totals=totals, last_activity=last_activity)


def module_totals(*, module_keys):
    """({module_key: live lessons in its source-language version}, every such lesson's key); a
    module without a live lesson, or not live, is left out. Cached until pages change."""
    lessons = content_api.cached_until_pages_change("module-lessons", _lessons_of_live_modules)
    totals, lesson_keys = {}, set()  # a module without a live lesson counts 0 lessons
    for module_key in set(module_keys) & lessons.keys():
        totals[module_key] = len(lessons[module_key])
        lesson_keys.update(lessons[module_key])
    return totals, lesson_keys


def _lessons_of_live_modules():
    """{module translation_key: [its live lessons' translation keys]} of the source tree."""
    sources = (
        _model("ModulePage").objects.live().filter(locale__language_code=settings.LANGUAGE_CODE)
    )
    rows = (
        Page.objects.live()
        .annotate(parent_path=Substr("path", 1, Length("path") - Page.steplen))
        .filter(parent_path__in=sources.values("path"))
        .annotate(
            module_key=Subquery(
                sources.filter(path=OuterRef("parent_path")).values("translation_key")[:1]
            )
        )
        .values_list("module_key", "translation_key")
    )
    lessons = {}
    for module_key, key in rows:
        lessons.setdefault(module_key, []).append(key)
    return lessons


def last_activity(*, learner_ids):
    """{learner_id: when they last did anything in any module}, one query."""
    return dict(
        LessonProgress.objects.filter(learner_id__in=learner_ids)
        .values_list("learner_id")
        .annotate(last=Max("last_activity_at"))
    )


def modules_touched(*, learner):
    """{module_key: (done, total)} for every module the learner has any progress in."""
    keys = set(LessonProgress.objects.filter(learner=learner).values_list("module_key", flat=True))
    counts = many_modules_progress(learner_ids=[learner.id], module_keys=keys)
    return {key: counts.of(learner.id, key) for key in keys if key in counts.totals}


def certificates_of(*, learner):
    return list(Certificate.objects.filter(learner=learner).order_by("-issued_at"))
