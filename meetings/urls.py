from django.urls import path

from . import views

app_name = "meetings"

urlpatterns = [
    path("", views.ManagedMeetingsView.as_view(), name="managed"),
    path("<int:event_id>/register/", views.RegisterView.as_view(), name="register"),
    path("<int:event_id>/cancel/", views.CancelView.as_view(), name="cancel"),
    path("<int:event_id>/workshops/", views.ChooseWorkshopsView.as_view(), name="choose_workshops"),
    path("<int:event_id>/registrations/", views.RegistrationsView.as_view(), name="registrations"),
    path("<int:event_id>/registrations.csv", views.RegistrationsCSVView.as_view(), name="registrations_csv"),
    path("<int:event_id>/attendance/", views.AttendanceView.as_view(), name="attendance"),
    path("<int:event_id>/propose-workshop/", views.ProposeWorkshopView.as_view(), name="propose_workshop"),
    path("cancel/<str:token>/", views.CancelLinkView.as_view(), name="cancel_link"),
]
