"""Sign-ups whose owner never confirmed the address, deleted once they are a month old.

Such an account cannot sign in, and it holds only what sign-up asked for: a name, a date of
birth, a country and, for a young learner, a guardian's address. Keeping it would keep a
stranger's or a child's details for nothing; whoever made it can sign up again at any time.
Accounts an administrator made (no privacy notice accepted) and staff are never touched.
accounts.api deletes them (delete_unconfirmed_accounts), in a daily Celery beat run."""

from datetime import timedelta

from django.contrib.auth import get_user_model

UNCONFIRMED_ACCOUNT_MAX_AGE = timedelta(days=30)


def unconfirmed_accounts(*, now):
    """Self-made learner accounts never confirmed, older than UNCONFIRMED_ACCOUNT_MAX_AGE."""
    return get_user_model().objects.filter(
        email_confirmed_at__isnull=True,
        privacy_accepted_at__isnull=False,
        is_staff=False,
        is_superuser=False,
        date_joined__lt=now - UNCONFIRMED_ACCOUNT_MAX_AGE,
    )
