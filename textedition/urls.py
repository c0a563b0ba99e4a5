from django.urls import path

# Registers the "anyslug" converter (slugs in any script) before the patterns below use it.
from articles.urls import AnySlug  # noqa: F401

from . import views

app_name = "textedition"

urlpatterns = [
    path("", views.home, name="home"),
    path(
        "<path:section_path>/<int:year>/<int:month>/<int:day>/<anyslug:slug>/",
        views.article_detail,
        name="detail",
    ),
    path("<path:path>/", views.section_detail, name="section"),
]
