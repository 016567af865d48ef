from django.urls import path

from core.caching.pages import public_page_cache

from . import views

app_name = "resources"

# The listing and a resource's page are the same for every anonymous visitor (public resources,
# members-only ones locked); any resource change refreshes them. Download counts (the "most
# downloaded" order) may lag by the page-cache timeout. Downloads are never cached (the view says so).
urlpatterns = [
    path("", public_page_cache(views.ResourceListView.as_view()), name="index"),
    path("<slug:slug>/", public_page_cache(views.ResourceDetailView.as_view()), name="detail"),
    path("<slug:slug>/download/", views.ResourceDownloadView.as_view(), name="download"),
]
