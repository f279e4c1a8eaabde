"""Organisations and the roles people hold in them. accounts.api re-exports these.

A superuser grants any role; an organisation's manager grants and withdraws the roles in
ROLES_A_MANAGER_GRANTS within that organisation only."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from .constants import ROLES_A_MANAGER_GRANTS, Role
from .models import Membership, Organisation


def ensure_organisation(*, slug, name, country=""):
    """Create the organisation or bring its name and country up to date (loaders, admins)."""
    organisation, _created = Organisation.objects.update_or_create(
        slug=slug, defaults={"name": name, "country": country}
    )
    return organisation


def has_role(user, role, organisation=None):
    if not user.is_authenticated:
        return False
    memberships = Membership.objects.filter(user=user, role=role)
    if organisation is not None:
        memberships = memberships.filter(organisation=organisation)
    return memberships.exists()


def is_counsellor(user):
    """Asked by the view and again by the page header: remembered on this user object, which
    lives for one request (grant_role and withdraw_role forget it)."""
    known = getattr(user, "_pontes_is_counsellor", None)
    if known is None:
        known = has_role(user, Role.COUNSELLOR)
        if user.is_authenticated:
            user._pontes_is_counsellor = known
    return known


def users_with_role(role):
    """The ids of everyone holding `role` in some organisation, as a subquery."""
    return Membership.objects.filter(role=role).values("user_id")


def managed_organisations(user):
    """The organisations whose roles `user` may hand out."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    if user.is_superuser:
        return Organisation.objects.all()
    return Organisation.objects.filter(
        memberships__user=user, memberships__role=Role.MANAGER
    ).distinct()


def _check_can_grant(by, organisation, role):
    if by.is_superuser:
        return
    if role in ROLES_A_MANAGER_GRANTS and has_role(by, Role.MANAGER, organisation):
        return
    raise PermissionDenied


def organisation_members(*, organisation):
    return (
        Membership.objects.filter(organisation=organisation)
        .select_related("user")
        .order_by("role", "user__display_name", "user__username")
    )


def grant_role(*, by, organisation, email, role, now):
    """Give the person with this e-mail address a role; returns (membership, created)."""
    _check_can_grant(by, organisation, role)
    user = get_user_model().objects.filter(email__iexact=email.strip(), is_active=True).first()
    if user is None:
        raise ValidationError(
            _("No one has a Pontes account with this e-mail address. Ask them to create one."),
            code="unknown_email",
        )
    user.__dict__.pop("_pontes_is_counsellor", None)
    with transaction.atomic():
        return Membership.objects.get_or_create(
            organisation=organisation,
            user=user,
            role=role,
            defaults={"granted_at": now, "granted_by": by},
        )


def withdraw_role(*, by, membership_id, organisation):
    """Take a role back; an unknown membership is PermissionDenied like a forbidden one."""
    membership = Membership.objects.filter(id=membership_id, organisation=organisation).first()
    if membership is None:
        raise PermissionDenied
    _check_can_grant(by, organisation, membership.role)
    membership.delete()
    membership.user.__dict__.pop("_pontes_is_counsellor", None)


def organisations_where(user, roles):
    """The organisations in which `user` holds one of `roles`."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(
        memberships__user=user, memberships__role__in=list(roles)
    ).distinct()


def organisation_by_slug(slug):
    return Organisation.objects.filter(slug=slug).first()
