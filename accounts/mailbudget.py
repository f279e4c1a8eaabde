"""How many account e-mails one address may receive: a few an hour, a few more a day.

Sign-up, password reset and the guardian's request send e-mail to an address anyone can type.
Without a cap, a script could fill a stranger's inbox with "someone tried to sign up with your
address" messages or reset links, and make this site a sender of unwanted mail. Each address
gets at most LIMITS e-mails; the rest are not sent, and are logged. The pages answer as they
always do: they never say whether an e-mail went, which would tell whether the address has an
account.

The counts live in Django's cache, under a hash of the address (never the address itself): in
production Redis, shared by every process; on a laptop the per-process memory cache, where each
worker counts on its own. Fixed windows (an hour, a day) are exact enough for a cap and cost one
cache increment each."""

import hashlib
import time

from django.core.cache import cache

# (window in seconds, e-mails allowed in it): signing up, confirming, resetting a password and
# asking a guardian again fit in the first with room to spare
LIMITS = ((60 * 60, 5), (24 * 60 * 60, 20))
KEY_PREFIX = "pontes:mail"


def spend(address, *, now=None):
    """Count one e-mail to `address` in every window; False when any window is over its limit
    (the e-mail must then not be sent). `now` is seconds since the epoch, for tests."""
    allowed = True
    for key, seconds, limit in _windows(address, now):
        allowed = _count(key, seconds) <= limit and allowed
    return allowed


def has_room(address, *, now=None):
    """Whether one more e-mail to `address` would be sent, without counting it: for a page that
    can say so (a learner asking again for their guardian's e-mail)."""
    return all(cache.get(key, 0) < limit for key, _seconds, limit in _windows(address, now))


def _windows(address, now):
    now = time.time() if now is None else now
    digest = hashlib.sha256(address.strip().casefold().encode()).hexdigest()
    return [
        (f"{KEY_PREFIX}:{seconds}:{int(now // seconds)}:{digest}", seconds, limit)
        for seconds, limit in LIMITS
    ]


def _count(key, seconds):
    cache.add(key, 0, timeout=seconds)
    try:
        return cache.incr(key)
    except ValueError:  # expired between the two calls: this is the first of a new window
        cache.add(key, 1, timeout=seconds)
        return 1
