from django.contrib.auth import views as auth_views
from django.urls import path

from . import organisation_views, views

app_name = "accounts"
urlpatterns = [
    path("signup/", views.signup, name="signup"),
    path("signup/check-your-email/", views.signup_done, name="signup_done"),
    path("confirm/<str:token>/", views.confirm_email, name="confirm_email"),
    path("welcome/", views.welcome, name="welcome"),
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("profile/", views.profile, name="profile"),
    path(
        "profile/guardian-request/",
        views.resend_guardian_request,
        name="resend_guardian_request",
    ),
    path("delete/", views.delete_account, name="delete"),
    path("deleted/", views.deleted, name="deleted"),
    path("organisations/", organisation_views.organisations, name="organisations"),
    path("organisations/<slug:slug>/", organisation_views.organisation, name="organisation"),
    path(
        "organisations/<slug:slug>/roles/<int:membership_id>/withdraw/",
        organisation_views.withdraw,
        name="withdraw_role",
    ),
    path("privacy/", views.privacy, name="privacy"),
    path("guardian/<str:token>/", views.guardian_confirm, name="guardian_confirm"),
    path("password/change/", views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "password/change/done/",
        views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("password/reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path("password/reset/sent/", views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "password/reset/done/",
        views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
]
