"""Everything that changes the Network goes through here: members save drafts and submit them,
moderators approve or ask for changes, readers see only what a moderator approved.

Members act for an organisation in which they are an editor or a manager; anyone else, and
any post of another organisation, is PermissionDenied, which the views turn into a 404."""

import logging
import secrets
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.images import ImageFile
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model
from wagtail.models import TaskState, WorkflowState

from accounts import api as accounts_api

from .constants import PostStatus
from .fields import contains_code
from .logos import UNUSED_LOGO_GRACE, logo_name, unused_logos
from .models import Event, OrganisationProfile, Tool

logger = logging.getLogger(__name__)

# Who may write an organisation's profile, tools and events.
MEMBER_ROLES = (accounts_api.Role.EDITOR, accounts_api.Role.MANAGER)

__all__ = [
    "MODELS",
    "approve",
    "editable_organisations",
    "ensure_moderation",
    "member_can_edit",
    "post_status",
    "post_statuses",
    "public_events",
    "public_organisations",
    "public_tools",
    "reject",
    "save_draft",
    "store_logo",
    "UNUSED_LOGO_GRACE",
    "delete_unused_logos",
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


def _save(post):
    """Save the post; a new one whose slug another request took since it was chosen (the
    same title sent twice at once) takes the next free slug instead of failing."""
    for attempt in range(3):
        try:
            with transaction.atomic():
                post.save()
            return
        except IntegrityError:
            if attempt == 2 or not hasattr(post, "slug") or post.pk is not None:
                raise
            post.slug = _unique_slug(type(post), str(post), post.organisation)


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
            _save(post)
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


def post_statuses(posts):
    """{post id: Status} for posts of one kind, in two queries however many there are."""
    posts = list(posts)
    if not posts:
        return {}
    open_states = {
        int(state.object_id): state
        for state in WorkflowState.objects.filter(
            base_content_type=posts[0].get_base_content_type(),
            object_id__in=[str(post.pk) for post in posts],
            status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES],
        )
    }
    reasons = {}
    for task_state in TaskState.objects.filter(
        workflow_state__in=[
            state
            for state in open_states.values()
            if state.status == WorkflowState.STATUS_NEEDS_CHANGES
        ],
        status=TaskState.STATUS_REJECTED,
    ).order_by("finished_at"):
        reasons[task_state.workflow_state_id] = task_state.comment  # the latest wins
    return {post.pk: _status(post, open_states.get(post.pk), reasons) for post in posts}


def post_status(post):
    """Where a post stands, for its organisation's members."""
    return post_statuses([post])[post.pk]


def _status(post, state, reasons):
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        code, reason = PostStatus.CHANGES_REQUESTED, reasons.get(state.id, "")
    elif state is not None:
        code, reason = PostStatus.IN_MODERATION, ""
    elif post.live and post.has_unpublished_changes:
        code, reason = PostStatus.LIVE_WITH_DRAFT, ""
    elif post.live:
        code, reason = PostStatus.LIVE, ""
    else:
        code, reason = PostStatus.DRAFT, ""
    return Status(code, code.label, reason)


def _filter_codes(queryset, field, code):
    return queryset.filter(**contains_code(field, code)) if code else queryset


def public_organisations(*, country="", kind="", language=""):
    profiles = OrganisationProfile.objects.filter(live=True).select_related("organisation", "logo")
    if country:
        profiles = profiles.filter(organisation__country=country)
    if kind:
        profiles = profiles.filter(kind=kind)
    profiles = _filter_codes(profiles, "languages", language)
    return profiles.order_by("organisation__name")


def public_tools(*, audience="", language="", level=""):
    tools = Tool.objects.filter(live=True).select_related("organisation")
    tools = _filter_codes(tools, "audience", audience)
    tools = _filter_codes(tools, "languages", language)
    if level:
        tools = tools.filter(Q(level=level) | Q(level="any"))
    return tools.order_by("name")


def public_events(*, now, past=False, country="", language="", format="", audience=""):
    events = Event.objects.filter(live=True).select_related("organisation")
    events = events.filter(end__lt=now) if past else events.filter(end__gte=now)
    if country:
        events = events.filter(organisation__country=country)
    if format:
        events = events.filter(format=format)
    events = _filter_codes(events, "audience", audience)
    events = _filter_codes(events, "languages", language)
    return events.order_by("-start" if past else "start", "title")


def store_logo(*, by, organisation, upload):
    """Keep an uploaded logo (already checked by the form) as a Wagtail image."""
    _check_member(by, organisation)
    extension = getattr(upload, "pontes_extension", "png")
    upload.seek(0)
    return get_image_model().objects.create(
        title=_("Logo of %(name)s") % {"name": organisation.name},
        # not guessable: the file is served before a moderator has approved the profile
        file=ImageFile(upload, name=logo_name(organisation, secrets.token_hex(8), extension)),
        uploaded_by_user=by,
    )


def delete_unused_logos(*, now):
    """Delete the logos no profile shows or waits to show (network/logos.py), files and
    renditions with them; returns how many went."""
    # each was uploaded more than a day ago and is in no profile, draft or page: nothing in
    # flight takes it back, so the list is read once (deletion removes files and renditions)
    deleted = 0
    for image in unused_logos(now=now):
        image.delete()
        deleted += 1
    if deleted:
        logger.info("Deleted %s network logos no profile uses", deleted)
    return deleted


def ensure_moderation():
    """The moderators' group and workflow (made after every migrate; loaders may call it too)."""
    from .moderation import ensure_moderation as ensure

    ensure()
