from datetime import date, timedelta

from django.utils import timezone

PASSWORD = "river-lantern-42-Kite"


def born_years_ago(years):
    """A date of birth that makes someone exactly `years` old today."""
    today = timezone.localdate()
    return date(today.year - years, today.month, 1) - timedelta(days=1)
