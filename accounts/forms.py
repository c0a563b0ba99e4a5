from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django_otp import user_has_device
from django_otp.admin import OTPAdminAuthenticationForm


class StaffLoginForm(OTPAdminAuthenticationForm):
    """Password, then the code from the authenticator app (or a recovery code) for those who set one up."""

    otp_token = forms.CharField(
        label="Two-factor code",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
        help_text="From your authenticator app, or one of your recovery codes.",
    )

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
