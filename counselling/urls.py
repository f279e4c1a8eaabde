from django.urls import path

from . import client_views, counsellor_views

app_name = "counselling"
urlpatterns = [
    # the client's side
    path("", client_views.my_counsellors, name="my_counsellors"),
    path("join/", client_views.join, name="join"),
    path("join/<str:code>/", client_views.join, name="join_code"),
    path("links/<int:link_id>/sharing/", client_views.update_sharing, name="update_sharing"),
    path("links/<int:link_id>/revoke/", client_views.revoke, name="revoke"),
    path("notifications/", client_views.notifications, name="notifications"),
    # the counsellor's side
    path("caseload/", counsellor_views.caseload, name="caseload"),
    path("caseload/export.<str:fmt>", counsellor_views.export_caseload, name="export"),
    path("invitations/", counsellor_views.invitations, name="invitations"),
    path(
        "invitations/<int:invitation_id>/withdraw/",
        counsellor_views.withdraw_invitation,
        name="withdraw_invitation",
    ),
    path("clients/<uuid:link_uuid>/", counsellor_views.client, name="client"),
    path("assign/", counsellor_views.assign, name="assign"),
    path("assignments/<int:assignment_id>/remove/", counsellor_views.unassign, name="unassign"),
    path("groups/", counsellor_views.groups, name="groups"),
    path("groups/<int:group_id>/", counsellor_views.group, name="group"),
    path(
        "groups/<int:group_id>/members/<int:link_id>/remove/",
        counsellor_views.remove_member,
        name="remove_member",
    ),
    path("groups/<int:group_id>/delete/", counsellor_views.delete_group, name="delete_group"),
]
