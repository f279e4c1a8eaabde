from django.urls import path

from . import feeds, member_views, views

app_name = "network"
urlpatterns = [
    path("", views.index, name="index"),
    path("organisations/", views.organisations, name="organisations"),
    path("organisations/<slug:slug>/", views.organisation, name="organisation"),
    path("tools/", views.tools, name="tools"),
    path("tools/<slug:slug>/", views.tool, name="tool"),
    path("events/", views.events, name="events"),
    path("events/past/", views.events, {"past": True}, name="past_events"),
    path("events.ics", feeds.events_ics, name="events_ics"),
    path("events/<slug:slug>/", views.event, name="event"),
    path("events/<slug:slug>.ics", feeds.event_ics, name="event_ics"),
    path("feed.atom", feeds.LatestPostsFeed(), name="feed"),
    path("manage/", member_views.dashboard, name="manage"),
    path("manage/<slug:org>/profile/", member_views.edit_profile, name="edit_profile"),
    path("manage/<slug:org>/tools/new/", member_views.edit_post, {"kind": "tool"}, name="new_tool"),
    path(
        "manage/<slug:org>/events/new/", member_views.edit_post, {"kind": "event"}, name="new_event"
    ),
    path(
        "manage/<slug:org>/tools/<uuid:uuid>/",
        member_views.edit_post,
        {"kind": "tool"},
        name="edit_tool",
    ),
    path(
        "manage/<slug:org>/events/<uuid:uuid>/",
        member_views.edit_post,
        {"kind": "event"},
        name="edit_event",
    ),
]
