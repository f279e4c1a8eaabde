"""xAPI 1.0.3 statements as Pontes writes them: language-independent activity ids (a page's
translation_key), ADL verbs and activity types, so any learning record store can read them."""

from django.conf import settings

from .constants import ACTIVITY_ID_PREFIX, XAPI_VERSION, ActivityType, Verb

# ADL's activity types, so an outside LRS reads our statements without a profile of ours.
ACTIVITY_TYPE_IRIS = {
    ActivityType.LESSON: "http://adlnet.gov/expapi/activities/lesson",
    ActivityType.MODULE: "http://adlnet.gov/expapi/activities/module",
    ActivityType.COURSE: "http://adlnet.gov/expapi/activities/course",
}
PAGE_ACTIVITY_TYPES = {
    "lessonpage": ActivityType.LESSON,
    "modulepage": ActivityType.MODULE,
    "coursepage": ActivityType.COURSE,
}


def _activity_type(page):
    return PAGE_ACTIVITY_TYPES[page.specific_class._meta.model_name]


def xapi_statement(*, statement_id, learner, verb, page, activity_type, language, now, result=None):
    """An xAPI 1.0.3 statement. The actor is an account on this site named by the user id: an
    outside LRS learns nothing about who the learner is."""
    statement = {
        "id": str(statement_id),
        "actor": {
            "objectType": "Agent",
            "account": {"homePage": settings.WAGTAILADMIN_BASE_URL, "name": str(learner.pk)},
        },
        "verb": {"id": verb, "display": {"en-US": Verb(verb).name.lower()}},
        "object": {
            "objectType": "Activity",
            "id": f"{ACTIVITY_ID_PREFIX}{page.translation_key}",
            "definition": {
                "type": ACTIVITY_TYPE_IRIS[activity_type],
                "name": {language: page.title},
            },
        },
        "timestamp": now.isoformat(),
        "version": XAPI_VERSION,
    }
    if result:
        statement["result"] = result
    return statement


def _result(*, score, success, completion, duration_seconds, response):
    result = {}
    if score is not None:
        result["score"] = {"scaled": score}
    if success is not None:
        result["success"] = success
    if completion is not None:
        result["completion"] = completion
    if response is not None:
        result["response"] = response
    if duration_seconds is not None:
        result["duration"] = f"PT{int(duration_seconds)}S"
    return result
