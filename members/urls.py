from django.urls import path

from .views import area as views

app_name = "members"

urlpatterns = [
    path("", views.DashboardView.as_view(), name="dashboard"),
    path("profile/", views.ProfileView.as_view(), name="profile"),
    path("profile/delete/", views.DeleteAccountView.as_view(), name="delete_account"),
    path("groups/<int:group_id>/join/", views.JoinGroupView.as_view(), name="join"),
    path("groups/<int:group_id>/leave/", views.LeaveGroupView.as_view(), name="leave"),
    path("groups/<int:group_id>/roster/", views.RosterView.as_view(), name="roster"),
    path("groups/<int:group_id>/roster.csv", views.RosterCSVView.as_view(), name="roster_csv"),
    path("requests/<int:pk>/accept/", views.DecideRequestView.as_view(accept=True), name="accept"),
    path("requests/<int:pk>/decline/", views.DecideRequestView.as_view(accept=False), name="decline"),
    path("people/<int:pk>/approve/", views.ApproveView.as_view(), name="approve"),
    path("people/<int:pk>/reject/", views.RejectView.as_view(), name="reject"),
    path("people/<int:pk>/resend-decision/", views.ResendDecisionEmailView.as_view(), name="resend_decision"),
]
