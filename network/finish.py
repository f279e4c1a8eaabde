"""Wagtail imports WAGTAIL_FINISH_WORKFLOW_ACTION while it loads its models: this module
imports nothing of Wagtail's at the top."""


def publish_reviewed_revision(workflow_state, user=None):
    """A Network post publishes the revision the moderator reviewed, not whatever is latest
    when the approval lands; other content is published as Wagtail does."""
    from wagtail.workflows import publish_workflow_state

    from .models import NetworkPost

    if isinstance(workflow_state.content_object, NetworkPost):
        workflow_state.current_task_state.revision.publish(user=user)
    else:
        publish_workflow_state(workflow_state, user=user)
