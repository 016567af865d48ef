from django.urls import path

from core.caching.pages import public_page_cache

from . import views

urlpatterns = [path("", public_page_cache(views.SearchView.as_view()), name="search")]
