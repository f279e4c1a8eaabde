"""The counsellor's side: invitations, the caseload and its exports, a client's page, groups and
assignments. Someone who is not a counsellor gets 404; so does anything outside their caseload."""

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import api, export, table
from .constants import CASELOAD_PAGE_SIZE, Access
from .forms import AssignForm, CaseloadFilterForm, GroupForm, GroupMembersForm


def counsellor_required(view):
    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not api.is_counsellor(request.user):
            raise Http404
        try:
            return view(request, *args, **kwargs)
        except api.NotFound as missing:
            raise Http404 from missing

    return wrapped


def _filters(request):
    form = CaseloadFilterForm(request.GET or None, groups=api.groups_of(counsellor=request.user))
    data = form.cleaned_data if form.is_valid() else {}
    return form, {
        "group_id": data.get("group"),
        "flag": data.get("flag") or "",
        "sort": data.get("sort") or "name",
        "text": data.get("q") or "",
        "stalled_days": data.get("stalled") or settings.PONTES_STALLED_DAYS,
    }


def _caseload(request, filters):
    return api.caseload(counsellor=request.user, today=timezone.localdate(), **filters)


def _seen(request, rows, what):
    api.record_access(
        counsellor=request.user, links=[row.link for row in rows], what=what, now=timezone.now()
    )


@counsellor_required
def caseload(request):
    """Every client is weighed for the flags, sorting and filters; a page of them is shown (and
    logged as seen)."""
    form, filters = _filters(request)
    page = api.caseload_page(
        counsellor=request.user,
        today=timezone.localdate(),
        page=request.GET.get("page"),
        per_page=CASELOAD_PAGE_SIZE,
        **filters,
    )
    _seen(request, page.object_list, Access.CASELOAD)
    params = request.GET.copy()
    params.pop("page", None)
    query = params.urlencode()
    return render(
        request,
        "counselling/caseload.html",
        {
            "form": form,
            "table_rows": table.caseload_rows(page.object_list),
            "page": page,
            "total": page.paginator.count,
            "query": query,
            "stalled_days": filters["stalled_days"],
            "csv_url": f"{reverse('counselling:export', args=['csv'])}?{query}",
            "xlsx_url": f"{reverse('counselling:export', args=['xlsx'])}?{query}",
        },
    )


@counsellor_required
def export_caseload(request, fmt):
    _form, filters = _filters(request)
    rows = _caseload(request, filters)
    _seen(request, rows, Access.EXPORT)
    return export.response(rows, fmt=fmt, today=timezone.localdate())


@counsellor_required
def invitations(request):
    now = timezone.now()
    if request.method == "POST":
        invitation = api.create_invitation(counsellor=request.user, now=now)
        messages.success(request, _("New code: %(code)s") % {"code": invitation.code})
        return redirect("counselling:invitations")
    codes = api.open_invitations(counsellor=request.user, now=now)
    for invitation in codes:
        invitation.url = request.build_absolute_uri(
            reverse("counselling:join_code", args=[invitation.code])
        )
    return render(request, "counselling/invitations.html", {"invitations": codes})


@require_POST
@counsellor_required
def withdraw_invitation(request, invitation_id):
    api.withdraw_invitation(
        counsellor=request.user, invitation_id=invitation_id, now=timezone.now()
    )
    messages.success(request, _("The code no longer works."))
    return redirect("counselling:invitations")


@counsellor_required
def client(request, link_uuid):
    view = api.client_view(
        counsellor=request.user, link_uuid=link_uuid, language=get_language(), now=timezone.now()
    )
    return render(request, "counselling/client.html", view)


def _assign_form(request, data=None, initial=None):
    return AssignForm(
        data,
        initial=initial,
        links=api.links_of_counsellor(counsellor=request.user),
        groups=api.groups_of(counsellor=request.user),
        language=get_language(),
    )


@counsellor_required
def assign(request):
    initial = {"clients": request.GET.getlist("client"), "group": request.GET.get("group")}
    form = _assign_form(request, request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            created = api.assign(
                counsellor=request.user,
                page=form.pages[data["page"]],
                link_ids=[int(link_id) for link_id in data["clients"]],
                group_id=data["group"] or None,
                due_on=data["due_on"],
                note=data["note"],
                language=get_language(),
                now=timezone.now(),
            )
        except ValidationError as error:
            form.add_error("due_on", error)
        else:
            messages.success(
                request,
                _("%(count)s new assignments. Clients who had the module already keep theirs.")
                % {"count": len(created)},
            )
            return redirect("counselling:caseload")
    return render(request, "counselling/assign.html", {"form": form})


@require_POST
@counsellor_required
def unassign(request, assignment_id):
    api.unassign(counsellor=request.user, assignment_id=assignment_id)
    messages.success(request, _("The assignment was removed."))
    back = request.POST.get("back", "")
    if not url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
        back = reverse("counselling:caseload")
    return redirect(back)


@counsellor_required
def groups(request):
    form = GroupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            group = api.create_group(
                counsellor=request.user, name=form.cleaned_data["name"], now=timezone.now()
            )
        except ValidationError as error:
            form.add_error("name", error)
        else:
            return redirect("counselling:group", group_id=group.id)
    return render(
        request,
        "counselling/groups.html",
        {"form": form, "groups": api.groups_with_sizes(counsellor=request.user)},
    )


@counsellor_required
def group(request, group_id):
    group = api.group_of(counsellor=request.user, group_id=group_id)
    members = api.group_links(counsellor=request.user, group_id=group.id)
    in_group = {member.id for member in members}
    others = [
        link for link in api.links_of_counsellor(counsellor=request.user) if link.id not in in_group
    ]
    form = GroupMembersForm(request.POST or None, links=others)
    if request.method == "POST" and form.is_valid():
        added = api.add_to_group(
            counsellor=request.user,
            group_id=group.id,
            link_ids=[int(link_id) for link_id in form.cleaned_data["clients"]],
            now=timezone.now(),
        )
        messages.success(request, _("%(count)s clients added.") % {"count": added})
        return redirect("counselling:group", group_id=group.id)
    return render(
        request,
        "counselling/group.html",
        {"group": group, "members": members, "form": form},
    )


@require_POST
@counsellor_required
def remove_member(request, group_id, link_id):
    api.remove_from_group(counsellor=request.user, group_id=group_id, link_id=link_id)
    messages.success(request, _("The client was taken out of the group."))
    return redirect("counselling:group", group_id=group_id)


@require_POST
@counsellor_required
def delete_group(request, group_id):
    api.delete_group(counsellor=request.user, group_id=group_id)
    messages.success(request, _("The group was deleted. Its clients and their assignments stay."))
    return redirect("counselling:groups")
