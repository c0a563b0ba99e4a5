"""Real-browser tests: Playwright driving Debian's Chromium (never a downloaded browser).

Skipped, with the reason, where Chromium or Playwright is missing; `.ci/run` installs both.
"""

import os
import shutil
from pathlib import Path

import pytest

from tests import tools

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium not found at {CHROMIUM}: apt-get install chromium (.ci/run does)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")
    # Playwright's sync API keeps an event loop in this thread; the tests' ORM calls are still
    # synchronous and safe, so Django's async guard is told so.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, live_server, settings):
    # The live server also serves uploaded photos, as the front web server does in production.
    settings.ROOT_URLCONF = "tests.browser.urls"
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=live_server.url)
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.dialogs = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    yield page
    context.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe-core from its npm package (tests/tools)."""
    return tools.axe_source()


def sign_in(page, username: str, password: str) -> None:
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")


@pytest.fixture(autouse=True)
def desk_roles(transactional_db):
    """The live server needs committed rows, so these tests empty the database after each one;
    the roles a migration made are put back before each."""
    from accounts.roles import sync_roles

    sync_roles()
