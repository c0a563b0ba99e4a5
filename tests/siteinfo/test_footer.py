import pytest
from django.urls import reverse
from pytest_django.asserts import assertInHTML

from siteinfo.models import SiteLink, SiteSettings

pytestmark = pytest.mark.django_db


def test_footer_lists_alternate_addresses_and_apps_from_the_admin(client):
    """What editors enter in Site settings is what readers see in the footer."""
    site = SiteSettings.load()
    site.name = "The Meridian"
    site.alternate_addresses_intro = "Also at these addresses:"
    site.save()
    SiteLink.objects.create(
        settings=site,
        kind="alternate",
        label="mirror.example.net",
        url="https://mirror.example.net/",
    )
    SiteLink.objects.create(
        settings=site, kind="app", label="Android app", url="https://apps.example.org/a"
    )
    html = client.get("/").content.decode()
    assertInHTML(
        '<h2 id="alternate-addresses" class="site-footer__heading">Also at these addresses:</h2>',
        html,
    )
    assertInHTML(
        '<a href="https://mirror.example.net/" rel="noopener">mirror.example.net</a>', html
    )
    assertInHTML('<a href="https://apps.example.org/a" rel="noopener">Android app</a>', html)
    assert "<title>The Meridian</title>" in html


def test_site_settings_list_opens_the_single_settings_form(editor_client):
    """There is one settings row; the admin goes straight to it and offers no add or delete."""
    response = editor_client.get(reverse("admin:siteinfo_sitesettings_changelist"))
    assert response.status_code == 302
    form = editor_client.get(response["Location"])
    assert form.status_code == 200
    assert b"Alternate address" in form.content
    assert editor_client.get(reverse("admin:siteinfo_sitesettings_add")).status_code == 403


def test_footer_link_must_be_a_web_address(editor_client):
    """A malformed address is a form error, not a broken footer."""
    site = SiteSettings.load()
    url = reverse("admin:siteinfo_sitesettings_change", args=[site.pk])
    response = editor_client.post(
        url,
        {
            "name": "Newsroom", "tagline": "", "alternate_addresses_intro": "Also at:",
            "links-TOTAL_FORMS": "1", "links-INITIAL_FORMS": "0",
            "links-MIN_NUM_FORMS": "0", "links-MAX_NUM_FORMS": "1000",
            "links-0-kind": "alternate", "links-0-label": "bad", "links-0-url": "javascript:alert(1)",
            "links-0-position": "0",
        },
    )  # fmt: skip
    assert response.status_code == 200
    assert b"Enter a valid URL." in response.content
    assert not SiteLink.objects.exists()
