"""The career-management-skills framework: levels, areas and statements in every language."""

import pytest
from django.db import IntegrityError, transaction
from django.utils import translation

from content.models import CompetenceArea, Level, Statement

pytestmark = pytest.mark.django_db


def test_three_levels_and_four_areas_with_three_statements_per_level():
    assert list(Level.objects.values_list("code", flat=True)) == ["A", "B", "C"]
    assert CompetenceArea.objects.count() >= 4
    for area in CompetenceArea.objects.all():
        for level in Level.objects.all():
            statements = Statement.objects.filter(area=area, level=level)
            assert statements.count() == 3
            assert all(s.text_en.startswith("I am able to") for s in statements)


@pytest.mark.parametrize("code", ["pt", "nl", "sv", "fi", "bg"])
def test_every_vocabulary_entry_is_translated(code):
    for model, fields in [
        (Level, ["name", "description"]),
        (CompetenceArea, ["name", "description"]),
        (Statement, ["text"]),
    ]:
        for obj in model.objects.all():
            for field in fields:
                value = getattr(obj, f"{field}_{code}")
                assert value, f"{model.__name__} {obj.pk} {field}_{code} is empty"
                assert value != getattr(obj, f"{field}_en")


def test_names_follow_the_active_language():
    level = Level.objects.get(code="A")
    with translation.override("sv"):
        assert level.name == level.name_sv
    with translation.override("en"):
        assert level.name == "Basic"


def test_a_statement_position_is_unique():
    statement = Statement.objects.first()
    with pytest.raises(IntegrityError), transaction.atomic():
        Statement.objects.create(
            area=statement.area,
            level=statement.level,
            order=statement.order,
            text_en="I am able to repeat myself",
        )
