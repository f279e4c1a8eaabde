"""An organisation's manager (or a superuser) grants and withdraws its members' roles here.

Someone who manages no organisation gets 404, like a missing page: the pages reveal nothing."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from . import api
from .constants import ROLES_A_MANAGER_GRANTS, Role


class GrantRoleForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("E-mail address of their Pontes account"))
    role = forms.ChoiceField(label=gettext_lazy("Role"))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        roles = Role if user.is_superuser else ROLES_A_MANAGER_GRANTS
        self.fields["role"].choices = [(role.value, role.label) for role in roles]
        self.fields["role"].initial = Role.COUNSELLOR


def _managed_or_404(user, slug):
    organisation = api.managed_organisations(user).filter(slug=slug).first()
    if organisation is None:
        raise Http404
    return organisation


@login_required
def organisations(request):
    managed = list(api.managed_organisations(request.user))
    if not managed:
        raise Http404
    if len(managed) == 1:
        return redirect("accounts:organisation", slug=managed[0].slug)
    return render(request, "accounts/organisations.html", {"organisations": managed})


@login_required
def organisation(request, slug):
    organisation = _managed_or_404(request.user, slug)
    form = GrantRoleForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            membership, created = api.grant_role(
                by=request.user,
                organisation=organisation,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                now=timezone.now(),
            )
        except ValidationError as error:
            form.add_error("email", error)
        except PermissionDenied:
            form.add_error("role", _("You cannot grant this role."))
        else:
            message = (
                _("%(person)s is now %(role)s.")
                if created
                else _("%(person)s was already %(role)s.")
            )
            messages.success(
                request,
                message
                % {"person": membership.user, "role": membership.get_role_display().lower()},
            )
            return redirect("accounts:organisation", slug=slug)
    return render(
        request,
        "accounts/organisation.html",
        {
            "organisation": organisation,
            "members": api.organisation_members(organisation=organisation),
            "form": form,
        },
    )


@require_POST
@login_required
def withdraw(request, slug, membership_id):
    organisation = _managed_or_404(request.user, slug)
    try:
        api.withdraw_role(by=request.user, membership_id=membership_id, organisation=organisation)
    except PermissionDenied as denied:
        raise Http404 from denied
    messages.success(request, _("The role was withdrawn."))
    return redirect("accounts:organisation", slug=slug)
