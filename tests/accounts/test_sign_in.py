"""Staff sign-in: throttling, two-factor sign-in with recovery codes, session rules (issue #6)."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db

LOGIN = reverse("admin:login")
INDEX = reverse("admin:index")
TWO_FACTOR = reverse("admin:two_factor")


def sign_in(client: Client, username: str, password: str, token: str = "", ip: str = "10.0.0.1"):
    return client.post(
        f"{LOGIN}?next={INDEX}",
        {"username": username, "password": password, "otp_token": token},
        REMOTE_ADDR=ip,
    )


@pytest.fixture
def staff(django_user_model):
    def make(username: str, group: str):
        user = django_user_model.objects.create_user(username, password="right pass", is_staff=True)
        user.groups.add(Group.objects.get(name=group))
        return user

    return make


def current_code(device: TOTPDevice, steps_ahead: int = 0) -> str:
    """The code the app shows now, or steps_ahead periods later (each code works only once)."""
    t0 = device.t0 - steps_ahead * device.step
    return f"{totp(device.bin_key, step=device.step, t0=t0, digits=device.digits):06d}"


# Throttling


def test_account_is_locked_after_five_wrong_passwords(staff):
    """Even the right password is refused once the account is locked, with a clear message."""
    staff("leila", "Reporter")
    client = Client()
    for attempt in range(5):
        sign_in(client, "leila", f"guess {attempt}", ip=f"10.0.0.{attempt + 1}")
    response = sign_in(client, "leila", "right pass", ip="10.0.9.9")
    assert response.status_code == 429
    assert b"Too many failed sign-in attempts" in response.content
    assert "_auth_user_id" not in client.session


def test_address_is_locked_after_five_wrong_passwords_for_any_accounts(staff):
    staff("amira", "Reporter")
    client = Client()
    for attempt in range(5):
        sign_in(client, f"someone{attempt}", "guess", ip="10.0.0.7")
    assert sign_in(client, "amira", "right pass", ip="10.0.0.7").status_code == 429
    assert sign_in(Client(), "amira", "right pass", ip="10.0.0.8").status_code == 302


def test_behind_a_proxy_only_the_guessers_address_is_locked(staff, settings):
    """With DJANGO_BEHIND_PROXY the address is the one the proxy saw, not the proxy's own, and
    not what a client wrote into X-Forwarded-For itself."""
    settings.BEHIND_PROXY, settings.PROXY_COUNT = True, 1
    staff("amira", "Reporter")
    staff("omar", "Reporter")

    def through_proxy(username, password, client_address, spoofed=""):
        forwarded = f"{spoofed}, {client_address}" if spoofed else client_address
        return Client().post(
            f"{LOGIN}?next={INDEX}",
            {"username": username, "password": password},
            REMOTE_ADDR="127.0.0.1",  # every request arrives from the proxy
            HTTP_X_FORWARDED_FOR=forwarded,
        )

    for attempt in range(5):  # one attacker, pretending to be someone else each time
        through_proxy(f"someone{attempt}", "guess", "203.0.113.66", spoofed=f"198.51.100.{attempt}")
    assert through_proxy("amira", "right pass", "203.0.113.66").status_code == 429
    assert through_proxy("omar", "right pass", "198.51.100.20").status_code == 302
    assert through_proxy("amira", "right pass", "198.51.100.0").status_code == 302


def test_a_few_mistakes_do_not_lock(staff):
    staff("daniel", "Reporter")
    client = Client()
    for _ in range(3):
        assert sign_in(client, "daniel", "typo").status_code == 200
    assert sign_in(client, "daniel", "right pass").status_code == 302


# Two-factor sign-in


@pytest.fixture
def two_factor_required(settings):
    settings.TWO_FACTOR_REQUIRED = True


def set_up_two_factor(client: Client) -> tuple[TOTPDevice, list[str]]:
    page = client.get(TWO_FACTOR)
    assert b"<svg" in page.content and b"Key:" in page.content
    device = TOTPDevice.objects.get(confirmed=False)
    response = client.post(TWO_FACTOR, {"action": "confirm", "token": current_code(device)})
    assert response.status_code == 200
    return device, response.context["recovery_codes"]


def test_editor_must_set_up_two_factor_before_using_the_desk(staff, two_factor_required):
    staff("editor1", "Editor")
    client = Client()
    assert sign_in(client, "editor1", "right pass").status_code == 302
    assert client.get(INDEX)["Location"] == TWO_FACTOR
    assert client.get(reverse("admin:articles_article_add"))["Location"] == TWO_FACTOR
    device, codes = set_up_two_factor(client)
    assert len(codes) == 10
    assert client.get(INDEX).status_code == 200


def test_wrong_setup_code_is_refused(staff, two_factor_required):
    staff("editor2", "Editor")
    client = Client()
    sign_in(client, "editor2", "right pass")
    client.get(TWO_FACTOR)
    response = client.post(TWO_FACTOR, {"action": "confirm", "token": "000000"})
    assert b"That code is not right" in response.content
    assert client.get(INDEX).status_code == 302


def test_sign_in_then_needs_the_code_and_recovery_codes_work_once(staff, two_factor_required):
    staff("admin1", "Site admin")
    first = Client()
    sign_in(first, "admin1", "right pass")
    device, codes = set_up_two_factor(first)
    without_code = sign_in(Client(), "admin1", "right pass")
    assert without_code.status_code == 200
    assert b"Enter the code from your authenticator app" in without_code.content
    with_code = Client()
    next_code = current_code(device, steps_ahead=1)
    assert sign_in(with_code, "admin1", "right pass", token=next_code).status_code == 302
    assert with_code.get(INDEX).status_code == 200
    replayed = sign_in(Client(), "admin1", "right pass", token=next_code)
    assert b"That code is not right, or was already used." in replayed.content
    recovered = Client()
    assert sign_in(recovered, "admin1", "right pass", token=codes[0]).status_code == 302
    assert recovered.get(INDEX).status_code == 200
    assert sign_in(Client(), "admin1", "right pass", token=codes[0]).status_code == 200


def test_reporters_are_not_required_to_use_two_factor(staff, two_factor_required):
    staff("reporter1", "Reporter")
    client = Client()
    sign_in(client, "reporter1", "right pass")
    assert client.get(INDEX).status_code == 200


# Sessions


def test_staff_sessions_expire_after_inactivity(staff, settings):
    staff("idle", "Reporter")
    client = Client()
    sign_in(client, "idle", "right pass")
    client.get(INDEX)
    assert client.session.get_expiry_age() == settings.SESSION_COOKIE_AGE <= 2 * 3600
    assert settings.SESSION_SAVE_EVERY_REQUEST  # the clock restarts on every request


def test_changing_the_password_ends_other_sessions(staff):
    staff("moved", "Reporter")
    laptop, phone = Client(), Client()
    sign_in(laptop, "moved", "right pass")
    sign_in(phone, "moved", "right pass", ip="10.0.0.2")
    response = laptop.post(
        reverse("admin:password_change"),
        {
            "old_password": "right pass",
            "new_password1": "a much better pass 9",
            "new_password2": "a much better pass 9",
        },
    )
    assert response.status_code == 302
    assert laptop.get(INDEX).status_code == 200
    assert phone.get(INDEX).status_code == 302
