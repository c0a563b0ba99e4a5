"""Two-factor sign-in for staff: an authenticator app (TOTP) and single-use recovery codes."""

from base64 import b32encode

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils.safestring import SafeString, mark_safe
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .roles import TWO_FACTOR_ROLES

RECOVERY_CODES = 10
APP_DEVICE_NAME = "Authenticator app"
RECOVERY_DEVICE_NAME = "Recovery codes"


def is_required(user: AbstractBaseUser) -> bool:
    """Whether this staff member must use two-factor sign-in (TWO_FACTOR_REQUIRED, roles)."""
    if not settings.TWO_FACTOR_REQUIRED:
        return False
    return user.is_superuser or user.groups.filter(name__in=TWO_FACTOR_ROLES).exists()


def is_enabled(user: AbstractBaseUser) -> bool:
    return user_has_device(user, confirmed=True)


def pending_app_device(user: AbstractBaseUser) -> TOTPDevice:
    """The not-yet-confirmed authenticator device being set up, made on first request."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)


def secret(device: TOTPDevice) -> str:
    """The key as authenticator apps ask for it when typed in by hand."""
    return b32encode(device.bin_key).decode()


def qr_code_svg(device: TOTPDevice) -> SafeString:
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    svg = image.to_string(encoding="unicode")
    return mark_safe(svg[svg.index("<svg") :])


@transaction.atomic
def confirm_app_device(device: TOTPDevice, token: str) -> bool:
    """Confirm the authenticator app if the code it shows is right; remove older app devices."""
    if not device.verify_token(token):
        return False
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return True


@transaction.atomic
def new_recovery_codes(user: AbstractBaseUser) -> list[str]:
    """Replace the user's recovery codes with fresh ones; each works once."""
    device, _ = StaticDevice.objects.get_or_create(user=user, name=RECOVERY_DEVICE_NAME)
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def recovery_codes_left(user: AbstractBaseUser) -> int:
    return StaticToken.objects.filter(device__user=user, device__name=RECOVERY_DEVICE_NAME).count()
