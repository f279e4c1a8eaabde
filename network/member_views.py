"""Where organisation members write their profile, tools and events and send them to the
moderators. Anything outside the member's organisations answers 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from . import api
from .forms import EventForm, ProfileForm, ToolForm
from .models import Event, OrganisationProfile, Tool

FORMS = {"tool": ToolForm, "event": EventForm}


def _organisation(user, slug):
    organisation = api.editable_organisations(user).filter(slug=slug).first()
    if organisation is None:
        raise Http404
    return organisation


@login_required
def dashboard(request):
    """Each of the member's organisations with its profile, tools and events and where each
    stands; statuses are read for all posts of a kind at once."""
    organisations = list(api.editable_organisations(request.user).order_by("name"))
    if not organisations:
        raise Http404
    profiles = {
        profile.organisation_id: profile
        for profile in OrganisationProfile.objects.filter(organisation__in=organisations)
    }
    tools = list(Tool.objects.filter(organisation__in=organisations).order_by("name"))
    events = list(Event.objects.filter(organisation__in=organisations).order_by("start"))
    profile_status = api.post_statuses(profiles.values())
    tool_status, event_status = api.post_statuses(tools), api.post_statuses(events)
    entries = []
    for organisation in organisations:
        profile = profiles.get(organisation.id)
        entries.append(
            {
                "organisation": organisation,
                "profile": profile,
                "profile_status": profile_status[profile.pk] if profile else None,
                "tools": [
                    (t, tool_status[t.pk]) for t in tools if t.organisation_id == organisation.id
                ],
                "events": [
                    (e, event_status[e.pk]) for e in events if e.organisation_id == organisation.id
                ],
            }
        )
    return render(request, "network/manage/dashboard.html", {"organisations": entries})


def _save(request, form, organisation):
    """Keep the draft; send it to the moderators if the member asked. Errors stay on the form."""
    post = form.save(commit=False)
    post.organisation = organisation
    now = timezone.now()
    try:
        api.save_draft(by=request.user, post=post, now=now)
        if "submit" in request.POST:
            api.submit(by=request.user, post=post, now=now)
    except ValidationError as error:
        form.add_error(None, error)
        return False
    if "submit" in request.POST:
        messages.success(request, _("Sent to the moderators. You will see their answer here."))
    else:
        messages.success(request, _("Draft saved. Submit it when it is ready."))
    return True


@login_required
def edit_post(request, org, kind, uuid=None):
    organisation = _organisation(request.user, org)
    model, form_class = api.MODELS[kind], FORMS[kind]
    if uuid is not None:
        post = model.objects.filter(uuid=uuid, organisation=organisation).first()
        if post is None:
            raise Http404
        instance = post.get_latest_revision_as_object()
        status = api.post_status(post)
    else:
        instance, status = model(organisation=organisation), None
    form = form_class(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid() and _save(request, form, organisation):
        return redirect("network:manage")
    return render(
        request,
        "network/manage/edit.html",
        {"form": form, "organisation": organisation, "kind": kind, "status": status},
    )


@login_required
def edit_profile(request, org):
    organisation = _organisation(request.user, org)
    profile = OrganisationProfile.objects.filter(organisation=organisation).first()
    instance = (
        profile.get_latest_revision_as_object()
        if profile
        else OrganisationProfile(organisation=organisation)
    )
    form = ProfileForm(request.POST or None, request.FILES or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data.get("logo_file")
        if upload:
            form.instance.logo = api.store_logo(
                by=request.user, organisation=organisation, upload=upload
            )
        if _save(request, form, organisation):
            return redirect("network:manage")
    return render(
        request,
        "network/manage/edit.html",
        {
            "form": form,
            "organisation": organisation,
            "kind": "profile",
            "status": api.post_status(profile) if profile else None,
        },
    )
