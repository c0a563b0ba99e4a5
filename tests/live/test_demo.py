"""The demo shows live coverage after `make run`."""

import pytest
from django.core.management import call_command

from live.models import Entry, LiveCoverage

pytestmark = pytest.mark.django_db


def test_demo_has_a_running_and_an_ended_live_story(client):
    """One running story with a dozen entries, one pinned, and one ended; twice is once."""
    call_command("load_demo")
    call_command("load_demo")
    running = LiveCoverage.objects.get(ended_at=None)
    ended = LiveCoverage.objects.exclude(ended_at=None).get()
    assert running.entries.filter(status=Entry.Status.PUBLISHED).count() >= 12
    assert running.entries.exclude(pinned="").count() == 1
    page = client.get(running.article.get_absolute_url()).content.decode()
    assert "Ships begin to wait offshore" in page
    assert "live-entry__updated" not in page
    assert '<span class="badge badge--live">Live</span>' in client.get("/").content.decode()
    closed = client.get(ended.article.get_absolute_url()).content.decode()
    assert "This live coverage has ended." in closed
    assert "What the ruling means" in closed
