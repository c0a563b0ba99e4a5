from django.urls import path

from . import docs, views

urlpatterns = [
    path("v1/docs/", docs.docs, name="api_docs"),
    path("v1/", views.urls()),
]
