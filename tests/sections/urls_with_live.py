from django.http import HttpResponse
from django.urls import path

from newsroom.urls import urlpatterns as site

urlpatterns = [path("live/", lambda request: HttpResponse()), *site]
