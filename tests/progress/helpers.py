"""Finding demo course pages in the progress tests."""

from courses.models import CoursePage, LessonPage, ModulePage


def module_in(language, position=0):
    """The demo module at `position` in tree order, in `language`."""
    return (
        ModulePage.objects.live().filter(locale__language_code=language).order_by("path")[position]
    )


def translation_of(page, language):
    return page.get_translations(inclusive=True).live().get(locale__language_code=language).specific


def lessons_of(module):
    return list(LessonPage.objects.child_of(module).live().order_by("path"))


def course_in(language):
    return CoursePage.objects.live().get(locale__language_code=language)


def self_check(lesson):
    """The lesson's first self-check block and the index of its correct answer."""
    block = next(b for b in lesson.body if b.block_type == "self_check")
    correct = next(i for i, a in enumerate(block.value["answers"]) if a["correct"])
    return block, correct
