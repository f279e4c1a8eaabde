"""The learner's progress on course pages and the self-assessment chart of the dashboard.

The tags return nothing for a visitor who is not signed in: the templates then invite them to
sign in instead of showing progress."""

from dataclasses import dataclass, field

from babel.numbers import format_percent
from django import template
from django.utils import timezone

from content import api as content_api
from progress import api as progress_api

from .pontes import local_date

register = template.Library()


def _learner(context):
    request = context.get("request")
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None


@register.simple_tag(takes_context=True)
def lesson_state(context, page):
    """`{% lesson_state page as state %}`: whether the learner completed this lesson."""
    learner = _learner(context)
    if learner is None:
        return None
    return progress_api.lesson_state(learner=learner, lesson=page)


@register.simple_tag(takes_context=True)
def module_state(context, page):
    """`{% module_state page as state %}`: done/total, completed lesson keys, where to resume."""
    learner = _learner(context)
    if learner is None:
        return None
    return progress_api.module_state(learner=learner, module=page)


@register.simple_tag(takes_context=True)
def course_state(context, modules):
    """`{% course_state modules as rows %}`: each module with done/total (None for a visitor)."""
    modules = list(modules)
    learner = _learner(context)
    progress = progress_api.modules_progress(learner=learner, modules=modules) if learner else {}
    rows = []
    for module in modules:
        done, total = progress.get(module.translation_key, (None, None))
        rows.append({"module": module, "done": done, "total": total})
    return rows


# --- the self-assessment chart ---------------------------------------------------------------

# a narrow canvas, so the labels stay readable when a phone scales the chart down
WIDTH, HEIGHT = 480, 240
# room for the percentages on the left and half a date label either side
LEFT, RIGHT, TOP, BOTTOM = 64, 48, 16, 40
# colours with at least 3:1 contrast on white, each with its own dash and marker so the series
# stay apart without colour
STYLES = [
    ("#0b5c73", "", "circle"),
    ("#a33f00", "8 4", "square"),
    ("#1e6b34", "2 4", "diamond"),
    ("#6b3fa0", "12 4 2 4", "triangle"),
]
MARKERS = {
    "circle": "M{x:.1f} {y:.1f}m-5 0a5 5 0 1 0 10 0a5 5 0 1 0 -10 0z",
    "square": "M{x:.1f} {y:.1f}m-5 -5h10v10h-10z",
    "diamond": "M{x:.1f} {y:.1f}m0 -6l6 6l-6 6l-6 -6z",
    "triangle": "M{x:.1f} {y:.1f}m0 -6l6 10h-12z",
}


@dataclass
class Series:
    key: str
    name: str
    colour: str
    dash: str
    marker: str
    points: list = field(default_factory=list)  # (x, y)
    markers: list = field(default_factory=list)  # SVG path data

    @property
    def polyline(self):
        return " ".join(f"{x:.1f},{y:.1f}" for x, y in self.points)

    @property
    def legend_marker(self):
        return MARKERS[self.marker].format(x=12, y=8)


def _y(score):
    return TOP + (1 - max(0.0, min(1.0, score))) * (HEIGHT - TOP - BOTTOM)


def _x(index, count):
    if count == 1:
        return LEFT + (WIDTH - LEFT - RIGHT) / 2
    return LEFT + index * (WIDTH - LEFT - RIGHT) / (count - 1)


def chart_data(history):
    """Coordinates for one line per competence area and the same data as table rows."""
    history = list(history)
    names = {}
    for result in history:
        for key, info in result.levels.items():
            names[key] = info["name"]
    series = {}
    for position, key in enumerate(names):
        colour, dash, marker = STYLES[position % len(STYLES)]
        series[key] = Series(key=key, name=names[key], colour=colour, dash=dash, marker=marker)
    locale = content_api.current_locale()
    rows = []
    for index, result in enumerate(history):
        x = _x(index, len(history))
        cells = []
        for key, line in series.items():
            info = result.levels.get(key)
            if info is None:
                cells.append(None)
                continue
            y = _y(info["score"])
            line.points.append((x, y))
            line.markers.append(MARKERS[line.marker].format(x=x, y=y))
            cells.append(
                {"level": info["level"], "score": format_percent(info["score"], locale=locale)}
            )
        rows.append(
            {
                "x": x,
                "date": local_date(timezone.localtime(result.taken_at), "short"),
                # every date fits up to six results; beyond, the first and the last
                "labelled": len(history) <= 6 or index in (0, len(history) - 1),
                "cells": cells,
            }
        )
    grid = [
        {"y": _y(value), "label": format_percent(value, locale=locale)} for value in (0, 0.5, 1)
    ]
    return {
        "series": list(series.values()),
        "rows": rows,
        "grid": grid,
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "label_y": HEIGHT - BOTTOM + 24,
    }


@register.inclusion_tag("progress/includes/placement_chart.html")
def placement_chart(history):
    """`{% placement_chart history %}`: an SVG line chart with the data as a table beside it."""
    return chart_data(history)
