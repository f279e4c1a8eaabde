"""The scoring rules of the placement self-assessment, on plain data (no database)."""

import pytest

from courses.placement import (
    Change,
    FrameworkItem,
    level_change,
    normalised_score,
    score_ratings,
    suggested_level,
)


def framework(*areas):
    """Three statements per level in each named area, keyed like the real ones."""
    return [
        FrameworkItem(key=f"{area}.{level}.{n}", area_key=area, level_code=level)
        for area in areas
        for level in "ABC"
        for n in (1, 2, 3)
    ]


def ratings(area, a, b, c):
    return {
        f"{area}.{level}.{n}": value
        for level, values in zip("ABC", (a, b, c), strict=True)
        for n, value in enumerate(values, start=1)
    }


def test_all_not_yet_scores_zero():
    assert normalised_score([1, 1, 1]) == 0


def test_all_confidently_scores_one():
    assert normalised_score([4, 4, 4, 4]) == 1


def test_score_is_the_mean_rating_normalised():
    assert normalised_score([1, 2, 3, 4]) == pytest.approx(0.5)
    assert normalised_score([3, 3, 2]) == pytest.approx((8 / 3 - 1) / 3)


@pytest.mark.parametrize("bad", [0, 5, 2.5, "3", True, None])
def test_a_rating_outside_the_scale_is_refused(bad):
    with pytest.raises(ValueError):
        normalised_score([3, bad])


def test_no_rating_cannot_be_scored():
    with pytest.raises(ValueError):
        normalised_score([])


def test_a_just_below_mostly_suggests_a():
    assert suggested_level({"A": [3, 3, 2], "B": [4, 4, 4], "C": [4, 4, 4]}) == "A"


def test_a_exactly_mostly_is_secure():
    assert suggested_level({"A": [3, 3, 3], "B": [2, 2, 2], "C": [1, 1, 1]}) == "B"


def test_a_secure_b_below_mostly_suggests_b():
    assert suggested_level({"A": [4, 4, 4], "B": [4, 3, 1], "C": [4, 4, 4]}) == "B"


def test_a_and_b_secure_suggests_c_whatever_c_says():
    assert suggested_level({"A": [3, 4, 2], "B": [3, 3, 3], "C": [1, 1, 1]}) == "C"


def test_high_b_and_c_do_not_skip_an_insecure_a():
    assert suggested_level({"A": [1, 1, 1], "B": [4, 4, 4], "C": [4, 4, 4]}) == "A"


def test_a_level_without_statements_holds_nobody_back():
    assert suggested_level({"B": [4, 4, 4]}) == "C"


def test_every_area_is_scored_in_framework_order():
    answers = ratings("knowing", [4, 4, 4], [4, 4, 4], [4, 4, 4]) | ratings(
        "applying", [2, 2, 2], [1, 1, 1], [1, 1, 1]
    )
    scores = score_ratings(answers, framework("knowing", "applying"))
    assert list(scores) == ["knowing", "applying"]
    assert scores["knowing"] == (1, "C")
    assert scores["applying"][1] == "A"
    assert scores["applying"][0] == pytest.approx((12 / 9 - 1) / 3)


def test_a_missing_rating_is_refused():
    answers = ratings("knowing", [4, 4, 4], [4, 4, 4], [4, 4, 4])
    del answers["knowing.B.2"]
    with pytest.raises(ValueError, match=r"knowing\.B\.2"):
        score_ratings(answers, framework("knowing"))


def test_an_unknown_statement_is_refused():
    answers = ratings("knowing", [4, 4, 4], [4, 4, 4], [4, 4, 4]) | {"elsewhere.A.1": 3}
    with pytest.raises(ValueError, match="elsewhere"):
        score_ratings(answers, framework("knowing"))


@pytest.mark.parametrize(
    "before, after, expected",
    [
        ("A", "B", Change.UP),
        ("A", "C", Change.UP),
        ("C", "B", Change.DOWN),
        ("B", "B", Change.SAME),
    ],
)
def test_level_change(before, after, expected):
    assert level_change(before, after) == expected
