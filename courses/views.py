"""The placement self-assessment: the form, and the result with where to start in each area."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.http import require_GET, require_http_methods

from . import api
from .forms import PlacementForm


@require_http_methods(["GET", "POST"])
def placement(request):
    """A visitor's result is kept in the session; a learner's is saved to their history."""
    data = request.POST if request.method == "POST" else None
    form = PlacementForm(data, statements=api.placement_statements())
    if form.is_bound and form.is_valid():
        answers = {"ratings": form.ratings, "language": get_language(), "now": timezone.now()}
        if api.can_save_placement(learner=request.user):
            api.save_placement(learner=request.user, **answers)
        else:
            api.remember_placement(session=request.session, **answers)
        return redirect("courses:placement_result")
    return render(request, "courses/placement.html", {"form": form})


def _render_result(request, placement, previous):
    rows = api.placement_report(placement=placement, previous=previous, language=get_language())
    return render(
        request,
        "courses/placement_result.html",
        {"placement": placement, "previous": previous, "rows": rows},
    )


@require_GET
def placement_result(request):
    """The latest result: the learner's last saved one, else the one kept in the session."""
    history = api.placement_history(learner=request.user)
    if history:
        return _render_result(request, history[-1], history[-2] if len(history) > 1 else None)
    placement = api.session_placement(session=request.session)
    if placement is None:
        return redirect("courses:placement")
    return _render_result(request, placement, None)


@require_GET
@login_required
def placement_result_detail(request, uuid):
    """One of the learner's own saved results, compared with the one before it."""
    history = api.placement_history(learner=request.user)
    position = next((i for i, p in enumerate(history) if p.uuid == uuid), None)
    if position is None:
        raise Http404
    return _render_result(request, history[position], history[position - 1] if position else None)
