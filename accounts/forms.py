from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.utils.translation import gettext_lazy as _
from django_otp import user_has_device
from django_otp.admin import OTPAdminAuthenticationForm
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from newsroom import languages

from .models import DeskProfile


class StaffLoginForm(OTPAdminAuthenticationForm):
    """Password, then the code from the authenticator app (or a recovery code) for those who set one up."""

    otp_token = forms.CharField(
        label="Two-factor code",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
        help_text="From your authenticator app, or one of your recovery codes.",
    )

    otp_error_messages = OTPAdminAuthenticationForm.otp_error_messages | {
        "token_required": "Enter the code from your authenticator app, or a recovery code.",
        "invalid_token": "That code is not right, or was already used. Try the next code.",
    }

    def _chosen_device(self, user):
        # django-otp asks which device a code is for; the code itself says: six digits come
        # from the app, anything else is a recovery code. No device choice to make at sign-in.
        token = (self.cleaned_data.get("otp_token") or "").strip()
        model = TOTPDevice if token.isdigit() else StaticDevice
        return model.objects.filter(user=user, confirmed=True).first()

    def clean(self):
        cleaned = AdminAuthenticationForm.clean(self)
        user = self.get_user()
        if user is not None and user_has_device(user, confirmed=True):
            self.clean_otp(user)
        return cleaned


class ConfirmAppForm(forms.Form):
    token = forms.CharField(
        label="Code shown by the app",
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class DeskLanguageForm(forms.ModelForm):
    class Meta:
        model = DeskProfile
        fields = ["language"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Each language named as its readers write it.
        self.fields["language"].choices = [
            ("", _("As my browser asks")),
            *((edition.code, edition.name) for edition in languages.editions()),
        ]
