from django.urls import path

from . import feeds, views

app_name = "live"

urlpatterns = [
    path("<int:pk>/check/", views.check, name="check"),
    path("<int:pk>/latest/", views.latest, name="latest"),
    path("<int:pk>/feed/", feeds.entry_feed, name="feed"),
    path("entries/<int:pk>/", views.entry, name="entry"),
]
