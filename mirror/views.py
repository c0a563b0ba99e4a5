from django.http import Http404, HttpRequest, HttpResponse

from . import signing


def public_key(request: HttpRequest) -> HttpResponse:
    """The key that signs the site's static copies, for anyone checking one."""
    pem = signing.site_public_pem()
    if pem is None:
        raise Http404("This site signs no static copies.")
    return HttpResponse(pem, content_type="application/x-pem-file")
