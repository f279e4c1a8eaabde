"""Scoring the placement self-assessment.

Pure functions on plain data, no database: every rule is tested on lists of numbers, and the
same code scores a result saved for a learner and one kept in a visitor's session."""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

LEVELS = ("A", "B", "C")


class Rating(models.IntegerChoices):
    """How well an "I am able to ..." statement describes the learner today."""

    NOT_YET = 1, _("Not yet")
    WITH_HELP = 2, _("With help")
    MOSTLY = 3, _("Mostly")
    CONFIDENTLY = 4, _("Confidently")


LOWEST = min(Rating.values)
HIGHEST = max(Rating.values)
# a level is secure when its statements average at least "Mostly"
SECURE = Rating.MOSTLY


class Change(models.TextChoices):
    UP = "up", _("Up")
    DOWN = "down", _("Down")
    SAME = "same", _("Same level")


@dataclass(frozen=True)
class FrameworkItem:
    """A statement as scoring sees it: where it belongs and the key its rating is stored under."""

    key: str
    area_key: str
    level_code: str


def statement_key(area_key, level_code, order):
    """The key a rating is stored under: readable, and the same in every database."""
    return f"{area_key}.{level_code}.{order}"


def _check(value):
    if isinstance(value, bool) or not isinstance(value, int) or not LOWEST <= value <= HIGHEST:
        raise ValueError(f"A rating is a whole number from {LOWEST} to {HIGHEST}, not {value!r}.")
    return value


def normalised_score(ratings):
    """The mean rating on 0..1: 0 when every answer is "Not yet", 1 when all are "Confidently"."""
    values = [_check(value) for value in ratings]
    if not values:
        raise ValueError("An area needs at least one rating to be scored.")
    return (sum(values) / len(values) - LOWEST) / (HIGHEST - LOWEST)


def suggested_level(ratings_by_level):
    """The level to start at in one area, from the ratings of its statements per level code.

    Our rule: A when the A statements average below "Mostly" (3); otherwise B when the B
    statements average below 3; otherwise C. The levels build on each other, so a learner not
    yet secure at A starts at A however they rate B or C. A level without statements holds
    nobody back. Averages are compared as sums, so no rounding decides a level."""
    for code in LEVELS[:-1]:
        values = [_check(value) for value in ratings_by_level.get(code, ())]
        if values and sum(values) < SECURE * len(values):
            return code
    return LEVELS[-1]


def score_ratings(ratings, items):
    """Score every area: {area_key: (score 0..1, level code)}, in the order of `items`.

    `ratings` maps statement keys to ratings; `items` are the framework's statements. Every
    statement must be rated and nothing else may be, so a stored result always matches the
    framework it was scored against."""
    items = list(items)
    expected = {item.key for item in items}
    missing = expected - set(ratings)
    unknown = set(ratings) - expected
    if missing or unknown:
        raise ValueError(
            f"Ratings do not match the framework: missing {sorted(missing)}, "
            f"unknown {sorted(unknown)}."
        )
    by_area = {}
    for item in items:
        levels = by_area.setdefault(item.area_key, {})
        levels.setdefault(item.level_code, []).append(_check(ratings[item.key]))
    return {
        area_key: (
            normalised_score(value for values in levels.values() for value in values),
            suggested_level(levels),
        )
        for area_key, levels in by_area.items()
    }


def level_change(before, after):
    """Whether a level went up, down or stayed the same between two results."""
    if before == after:
        return Change.SAME
    return Change.UP if LEVELS.index(after) > LEVELS.index(before) else Change.DOWN
