from django.urls import path

from . import views

app_name = "resolutions"

urlpatterns = [
    path("<int:page_id>/amendments/", views.propose, name="propose"),
    path("amendments/<int:amendment_id>/decision/", views.decide, name="decide"),
    path("<int:page_id>/versions/", views.versions, name="versions"),
]
