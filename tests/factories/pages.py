import factory
import wagtail_factories

from content.models import CompetenceArea, Level
from courses.models import LessonPage, ModulePage


class ModulePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Test module {n}")
    summary = "A module made by a test."
    level = factory.LazyFunction(lambda: Level.objects.get(code="B"))
    area = factory.LazyFunction(lambda: CompetenceArea.objects.order_by("order").first())
    estimated_minutes = 30

    class Meta:
        model = ModulePage


class LessonPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Test lesson {n}")
    summary = "A lesson made by a test."
    body = "[]"

    class Meta:
        model = LessonPage
