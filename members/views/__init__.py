"""The members app's views: ``area`` (the members area) and ``accounts`` (allauth's views, fitted)."""
