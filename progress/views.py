"""The learner's dashboard and the buttons that record progress; progress.api does the work.

The POST views send a visitor who is not signed in to the log-in page with the lesson or module
as the place to come back to: the POST-only URL itself would answer 405 after log-in."""

from urllib.parse import quote, urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail import hooks

from courses import api as courses_api

from . import api


def _live_or_404(kind, page_id):
    page = api.live_page(kind=kind, page_id=page_id)
    if page is None:
        raise Http404
    return page


def _not_saved(request):
    messages.warning(
        request,
        _(
            "Your progress is not saved yet: a parent or guardian must first confirm your "
            "account with the link we sent them by e-mail."
        ),
    )


@login_required
def dashboard(request):
    language = get_language()
    board = api.dashboard(learner=request.user, language=language)
    recommended = [
        module
        for module in courses_api.recommended_modules(learner=request.user, language=language)
        if module.translation_key not in board.module_keys
    ]
    return render(
        request,
        "progress/dashboard.html",
        {
            "board": board,
            "recommended": recommended,
            "history": courses_api.placement_history(learner=request.user),
            "catalogue": api.catalogue_page(language=language),
            # sections the apps above add (counselling: what counsellors assigned)
            "panels": [panel(request) for panel in hooks.get_hooks("learner_dashboard_panels")],
        },
    )


@require_POST
def start_module(request, page_id):
    module = _live_or_404("module", page_id)
    if not request.user.is_authenticated:
        return redirect_to_login(module.get_url(request))
    try:
        lesson = api.start_module(learner=request.user, module=module, now=timezone.now())
    except api.ProgressNotAllowed:
        _not_saved(request)
        lesson = api.next_lesson(learner=request.user, module=module)
    else:
        messages.success(
            request,
            _("You started the module “%(title)s”. Good luck!") % {"title": module.title},
        )
    return redirect((lesson or module).get_url(request))


@require_POST
def complete_lesson(request, page_id):
    lesson = _live_or_404("lesson", page_id)
    if not request.user.is_authenticated:
        return redirect_to_login(lesson.get_url(request))
    try:
        completion = api.complete_lesson(learner=request.user, lesson=lesson, now=timezone.now())
    except api.ProgressNotAllowed:
        _not_saved(request)
        return redirect(lesson.get_url(request))
    if completion.course_completed:
        module = lesson.get_parent()
        messages.success(
            request,
            _(
                "Well done: you completed every module of the course “%(title)s”. Your "
                "certificates are being prepared."
            )
            % {"title": module.get_parent().title},
        )
    elif completion.module_completed:
        module = lesson.get_parent()
        messages.success(
            request,
            _(
                "Well done: you completed the module “%(title)s”. Your certificate is being "
                "prepared."
            )
            % {"title": module.title},
        )
    else:
        messages.success(request, _("“%(title)s” is marked as complete.") % {"title": lesson.title})
    target = request.POST.get("next", "")
    if not completion.module_completed and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        # the lesson page already knows where to go next: no need to look it up again
        return redirect(target)
    following = None if completion.module_completed else lesson.get_next_siblings().live().first()
    return redirect((following or lesson.get_parent()).get_url(request))


@require_POST
def answer(request, page_id):
    """Works for everyone: the lesson shows the feedback; a learner's answer is also recorded."""
    lesson = _live_or_404("lesson", page_id)
    url = lesson.get_url(request)
    value = request.POST.get("answer", "")
    block_id, _sep, index = value.partition(":")
    anchor = f"#check-{quote(block_id or request.POST.get('block', ''), safe='-')}"
    try:
        if not index.isdigit():
            raise api.UnknownAnswer(value)
        api.check_answer(lesson=lesson, block_id=block_id, answer_index=int(index))
    except api.UnknownAnswer:
        messages.error(request, _("Choose one of the answers, then check it."))
        return redirect(url + anchor)
    if request.user.is_authenticated:
        try:
            api.answer_self_check(
                learner=request.user,
                lesson=lesson,
                block_id=block_id,
                answer_index=int(index),
                now=timezone.now(),
            )
        except api.ProgressNotAllowed:
            _not_saved(request)
        else:
            messages.success(
                request, _("Your answer is saved and this lesson is marked as complete.")
            )
    return redirect(f"{url}?{urlencode({'answer': value})}{anchor}")
