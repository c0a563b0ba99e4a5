from django.urls import path

from . import signing, views

urlpatterns = [
    path(signing.PUBLIC_KEY_PATH, views.public_key, name="mirror_public_key"),
]
