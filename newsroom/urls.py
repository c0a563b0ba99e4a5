from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.templatetags.static import static as static_url
from django.urls import include, path
from django.utils.functional import lazy
from django.views.generic import RedirectView

from . import views

# A failing database gets a 503 that says to come back, not a 500 (newsroom.views).
handler500 = "newsroom.views.server_error"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots"),
    # The key that signs static copies of the site (issue #17).
    path("", include("mirror.urls")),
    # The read API for apps and partners (issue #17).
    path("api/", include("api.urls")),
    # Browsers ask for /favicon.ico whatever the page says.
    path(
        "favicon.ico",
        RedirectView.as_view(url=lazy(static_url, str)("img/favicon.svg"), permanent=True),
    ),
    *static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT),
    # Every edition is a whole site: the default language's at the root, the others under
    # their code (/ar/, /fr/); newsroom.editions picks the language from the address.
    *i18n_patterns(
        # The text edition (issue #17) before the articles' section catch-all.
        path("text/", include("textedition.urls")),
        path("live/", include("live.urls")),
        path("", include("articles.urls")),
        prefix_default_language=False,
    ),
]
