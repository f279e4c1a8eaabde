"""Everything that changes the Network goes through here: members save drafts and submit them,
moderators approve or ask for changes, readers see only what a moderator approved.

Members act for an organisation in which they are an editor or a manager; anyone else, and
any post of another organisation, is PermissionDenied, which the views turn into a 404."""

import secrets
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.models import TaskState, WorkflowState

from accounts import api as accounts_api

from .constants import MEMBER_ROLES, PostStatus
from .fields import contains_code
from .models import Event, ModerationTask, OrganisationProfile, Tool

__all__ = [
    "MODELS",
    "approve",
    "can_moderate",
    "editable_organisations",
    "ensure_moderation",
    "member_can_edit",
    "post_status",
    "public_events",
    "public_organisations",
    "public_tools",
    "reject",
    "save_draft",
    "store_logo",
    "submit",
]

MODELS = {"tool": Tool, "event": Event, "profile": OrganisationProfile}


def editable_organisations(user):
    """The organisations whose posts `user` may write (editor or manager there)."""
    return accounts_api.organisations_where(user, MEMBER_ROLES)


def member_can_edit(user, organisation):
    return editable_organisations(user).filter(id=organisation.id).exists()


def _check_member(by, organisation):
    if organisation is None or not member_can_edit(by, organisation):
        raise PermissionDenied


def _unique_slug(model, text, organisation, exclude_id=None):
    """An ASCII slug for the URL; a title in Cyrillic gives the organisation's slug instead."""
    base = slugify(text)[:70] or f"{organisation.slug}-{model._meta.model_name}"[:70]
    slug, n = base, 1
    others = model.objects.exclude(id=exclude_id) if exclude_id else model.objects.all()
    while others.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def _open_workflow(post):
    return (
        WorkflowState.objects.for_instance(post)
        .filter(status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES])
        .first()
    )


def save_draft(*, by, post, now):
    """Keep a member's version as the latest revision. A live post keeps showing its approved
    text; an edit withdraws any version waiting for a moderator, so only what a moderator
    saw is ever published."""
    _check_member(by, post.organisation)
    post.full_clean(exclude=["slug"] if hasattr(post, "slug") else None)
    with transaction.atomic():
        if post.pk is not None:  # one writer at a time against a moderator's approval
            type(post).objects.select_for_update().filter(pk=post.pk).first()
        if post.pk is None:
            post.created_by = by
            post.created_at = now
            post.live = False
        if hasattr(post, "slug") and not post.slug:
            post.slug = _unique_slug(type(post), str(post), post.organisation, exclude_id=post.pk)
        if not post.live:
            post.save()
        workflow_state = _open_workflow(post) if post.pk else None
        if workflow_state is not None and workflow_state.status == WorkflowState.STATUS_IN_PROGRESS:
            workflow_state.cancel(user=by)
        post.save_revision(user=by, clean=False)
    return post


def submit(*, by, post, now):
    """Send the latest revision to the moderators."""
    _check_member(by, post.organisation)
    workflow = post.get_workflow()
    if workflow is None:
        raise ValidationError(_("Moderation is not set up; ask a site administrator."))
    with transaction.atomic():
        state = _open_workflow(post)
        if state is not None:
            if state.status == WorkflowState.STATUS_IN_PROGRESS:
                return state
            state.cancel(user=by)
        return workflow.start(post, by)


def can_moderate(user):
    return user.is_authenticated and (
        user.is_superuser or ModerationTask.objects.filter(active=True, groups__user=user).exists()
    )


def _moderate(by, post, action, comment):
    with transaction.atomic():
        type(post).objects.select_for_update().filter(pk=post.pk).first()
        state = _open_workflow(post)
        if state is None or state.status != WorkflowState.STATUS_IN_PROGRESS:
            raise ValidationError(_("Nothing of this post is waiting for moderation."))
        task_state = state.current_task_state
        task = task_state.task.specific
        if action not in {name for name, _label, _needs in task.get_actions(post, by)}:
            raise PermissionDenied
        task.on_action(task_state, by, action, comment=comment)


def approve(*, by, post, now, comment=""):
    """Publish the version waiting for moderation (the moderator's admin button does the same)."""
    _moderate(by, post, "approve", comment)


def reject(*, by, post, reason, now):
    """Ask for changes; the organisation sees the reason."""
    if not reason.strip():
        raise ValidationError(_("Say what the organisation should change."))
    _moderate(by, post, "reject", reason.strip())


@dataclass(frozen=True)
class Status:
    code: str
    label: str
    reason: str = ""


def post_status(post):
    """Where a post stands, for its organisation's members."""
    state = _open_workflow(post)
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        rejected = (
            TaskState.objects.filter(workflow_state=state, status=TaskState.STATUS_REJECTED)
            .order_by("-finished_at")
            .first()
        )
        return Status(
            PostStatus.CHANGES_REQUESTED,
            PostStatus.CHANGES_REQUESTED.label,
            rejected.comment if rejected else "",
        )
    if state is not None:
        return Status(PostStatus.IN_MODERATION, PostStatus.IN_MODERATION.label)
    if post.live and post.has_unpublished_changes:
        return Status(PostStatus.LIVE_WITH_DRAFT, PostStatus.LIVE_WITH_DRAFT.label)
    if post.live:
        return Status(PostStatus.LIVE, PostStatus.LIVE.label)
    return Status(PostStatus.DRAFT, PostStatus.DRAFT.label)


def _filter_codes(queryset, field, code, choices):
    if code and code in {value for value, _label in choices}:
        return queryset.filter(**contains_code(field, code))
    return queryset


def public_organisations(*, country="", kind="", language="", languages=()):
    profiles = OrganisationProfile.objects.filter(live=True).select_related("organisation", "logo")
    if country:
        profiles = profiles.filter(organisation__country=country)
    if kind:
        profiles = profiles.filter(kind=kind)
    profiles = _filter_codes(profiles, "languages", language, languages)
    return profiles.order_by("organisation__name")


def public_tools(*, audience="", language="", level="", audiences=(), languages=()):
    tools = Tool.objects.filter(live=True).select_related("organisation")
    tools = _filter_codes(tools, "audience", audience, audiences)
    tools = _filter_codes(tools, "languages", language, languages)
    if level:
        tools = tools.filter(Q(level=level) | Q(level="any"))
    return tools.order_by("name")


def public_events(
    *, now, past=False, country="", language="", format="", audience="", audiences=(), languages=()
):
    events = Event.objects.filter(live=True).select_related("organisation")
    events = events.filter(end__lt=now) if past else events.filter(end__gte=now)
    if country:
        events = events.filter(organisation__country=country)
    if format:
        events = events.filter(format=format)
    events = _filter_codes(events, "audience", audience, audiences)
    events = _filter_codes(events, "languages", language, languages)
    return events.order_by("-start" if past else "start", "title")


def store_logo(*, by, organisation, upload):
    """Keep an uploaded logo (already checked by the form) as a Wagtail image."""
    from django.core.files.images import ImageFile
    from wagtail.images import get_image_model

    _check_member(by, organisation)
    extension = getattr(upload, "pontes_extension", "png")
    upload.seek(0)
    return get_image_model().objects.create(
        title=_("Logo of %(name)s") % {"name": organisation.name},
        # not guessable: the file is served before a moderator has approved the profile
        file=ImageFile(
            upload, name=f"network-logo-{organisation.slug}-{secrets.token_hex(8)}.{extension}"
        ),
        uploaded_by_user=by,
    )


def ensure_moderation():
    """The moderators' group and workflow (made after every migrate; loaders may call it too)."""
    from .moderation import ensure_moderation as ensure

    ensure()
