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
from .models import OrganisationProfile

FORMS = {"tool": ToolForm, "event": EventForm}


def _organisation(user, slug):
    organisation = api.editable_organisations(user).filter(slug=slug).first()
    if organisation is None:
        raise Http404
    return organisation


@login_required
def dashboard(request):
    organisations = []
    for organisation in api.editable_organisations(request.user).order_by("name"):
        profile = OrganisationProfile.objects.filter(organisation=organisation).first()
        organisations.append(
            {
                "organisation": organisation,
                "profile": profile,
                "profile_status": api.post_status(profile) if profile else None,
                "tools": [(t, api.post_status(t)) for t in organisation.network_tools.all()],
                "events": [(e, api.post_status(e)) for e in organisation.network_events.all()],
            }
        )
    if not organisations:
        raise Http404
    return render(request, "network/manage/dashboard.html", {"organisations": organisations})


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
