"""The client's side: joining a counsellor with a code, choosing what to share, revoking, the
e-mail switch and the log of who looked at their data."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import api
from .forms import CodeForm, NotificationsForm, SharingForm


def _sharing(form):
    return {key: form.cleaned_data[key] for key in SharingForm.base_fields}


@login_required
def my_counsellors(request):
    links = list(api.links_of_client(client=request.user))
    for link in links:
        link.form = SharingForm(
            initial={key: getattr(link, key) for key in SharingForm.base_fields},
            prefix=f"link{link.id}",
        )
    return render(
        request,
        "counselling/my_counsellors.html",
        {
            "links": links,
            "code_form": CodeForm(),
            "notifications": NotificationsForm(
                initial={"enabled": api.notifications_enabled(request.user)}
            ),
            "access_log": api.access_log(client=request.user),
        },
    )


@login_required
def join(request, code=""):
    """Step one: the code (typed, or from the invitation link); step two: what to share."""
    code = request.POST.get("code") or request.GET.get("code") or code
    form = CodeForm({"code": code} if code else None)
    invitation = None
    if form.is_valid():
        invitation = api.invitation_for_code(code=form.cleaned_data["code"], now=timezone.now())
        if invitation is None or not api.is_counsellor(invitation.counsellor):
            form.add_error("code", _("This code does not work. Check it with your counsellor."))
            invitation = None
    sharing = SharingForm(request.POST if "accept" in request.POST else None)
    if invitation and sharing.is_valid():
        try:
            api.accept_invitation(
                client=request.user,
                code=invitation.code,
                now=timezone.now(),
                **_sharing(sharing),
            )
        except ValidationError as error:
            form.add_error("code", error)
        else:
            messages.success(
                request,
                _("You are now linked with %(name)s.") % {"name": invitation.counsellor},
            )
            return redirect("counselling:my_counsellors")
    return render(
        request,
        "counselling/join.html",
        {"form": form, "invitation": invitation, "sharing": sharing},
    )


@require_POST
@login_required
def update_sharing(request, link_id):
    form = SharingForm(request.POST, prefix=f"link{link_id}")
    if not form.is_valid():  # pragma: no cover - booleans are always valid
        raise Http404
    try:
        link = api.update_sharing(client=request.user, link_id=link_id, **_sharing(form))
    except api.NotFound as missing:
        raise Http404 from missing
    messages.success(
        request, _("Saved: %(name)s now sees what you chose.") % {"name": link.counsellor}
    )
    return redirect("counselling:my_counsellors")


@require_POST
@login_required
def revoke(request, link_id):
    try:
        link = api.revoke_link(client=request.user, link_id=link_id, now=timezone.now())
    except api.NotFound as missing:
        raise Http404 from missing
    messages.success(
        request,
        _("%(name)s no longer sees any of your data, and their assignments were removed.")
        % {"name": link.counsellor},
    )
    return redirect("counselling:my_counsellors")


@require_POST
@login_required
def notifications(request):
    form = NotificationsForm(request.POST)
    form.is_valid()
    enabled = form.cleaned_data.get("enabled", False)
    api.set_notifications(user=request.user, enabled=enabled, now=timezone.now())
    messages.success(
        request,
        _("E-mails about assignments are on.")
        if enabled
        else _("E-mails about assignments are off."),
    )
    return redirect("counselling:my_counsellors")
