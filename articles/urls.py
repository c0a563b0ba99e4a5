from django.urls import path

from . import views

app_name = "articles"

# The section catch-all comes last: every fixed prefix above it wins, and
# sections.models.RESERVED_SLUGS keeps top-level sections off those prefixes.
urlpatterns = [
    path("", views.home, name="home"),
    path("tags/<slug:slug>/", views.tag_detail, name="tag"),
    path("authors/<slug:slug>/", views.author_detail, name="author"),
    path("corrections/", views.corrections, name="corrections"),
    path("preview/articles/<int:pk>/", views.article_preview, name="preview"),
    path("preview/shared/<str:token>/", views.shared_preview, name="shared_preview"),
    path(
        "<path:section_path>/<int:year>/<int:month>/<int:day>/<slug:slug>/",
        views.article_detail,
        name="detail",
    ),
    path("<path:path>/", views.section_detail, name="section"),
]
