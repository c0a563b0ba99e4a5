from functools import update_wrapper

from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login

from . import two_factor
from .forms import ConfirmAppForm, DeskLanguageForm, StaffLoginForm
from .models import DeskProfile


class NewsroomAdminSite(admin.AdminSite):
    """The desk's admin: password plus a second factor for those who must or chose to have one."""

    site_header = "Newsroom"
    site_title = "Newsroom admin"
    index_title = "Desk"
    login_form = StaffLoginForm
    login_template = "accounts/login.html"

    def has_permission(self, request: HttpRequest) -> bool:
        # Someone with a second factor is only in once it was used in this session.
        user = request.user
        return super().has_permission(request) and (
            user.is_verified() or not two_factor.is_enabled(user)
        )

    def admin_view(self, view, cacheable=False):
        inner = super().admin_view(view, cacheable)

        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            user = request.user
            if (
                user.is_active
                and user.is_staff
                and not user.is_verified()
                and two_factor.is_required(user)
                and view.__name__ != "logout"
            ):
                return redirect("admin:two_factor")
            return inner(request, *args, **kwargs)

        return update_wrapper(wrapper, view)

    def get_urls(self):
        return [
            path("two-factor/", self.two_factor_entry, name="two_factor"),
            path("language/", self.admin_view(self.language_view), name="language"),
            *super().get_urls(),
        ]

    @method_decorator(never_cache)
    def two_factor_entry(self, request: HttpRequest) -> HttpResponse:
        # Signed-in staff only, but not has_permission: those who must set up 2FA lack it until then.
        if not (request.user.is_active and request.user.is_staff):
            return redirect(f"{reverse('admin:login')}?next={request.path}")
        return self.two_factor_view(request)

    def two_factor_view(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        context = {**self.each_context(request), "title": "Two-factor sign-in"}
        context["required"] = two_factor.is_required(user)
        if request.method == "POST" and request.POST.get("action") == "recovery":
            if user.is_verified():
                context["recovery_codes"] = two_factor.new_recovery_codes(user)
        elif not two_factor.is_enabled(user):
            device = two_factor.pending_app_device(user)
            form = ConfirmAppForm(request.POST if request.method == "POST" else None)
            if form.is_valid():
                token = form.cleaned_data["token"].replace(" ", "")
                if two_factor.confirm_app_device(device, token):
                    otp_login(request, device)
                    context["recovery_codes"] = two_factor.new_recovery_codes(user)
                else:
                    form.add_error("token", "That code is not right. Check the app and try again.")
            if "recovery_codes" not in context:
                context |= {
                    "form": form,
                    "qr_code": two_factor.qr_code_svg(device),
                    "secret": two_factor.secret(device),
                }
        context["enabled"] = two_factor.is_enabled(user)
        context["codes_left"] = two_factor.recovery_codes_left(user)
        request.current_app = self.name
        return TemplateResponse(request, "accounts/two_factor.html", context)

    def language_view(self, request: HttpRequest) -> HttpResponse:
        """The language the admin speaks to this member of staff."""
        profile = DeskProfile.objects.get_or_create(user=request.user)[0]
        form = DeskLanguageForm(request.POST or None, instance=profile)
        if request.method == "POST" and form.is_valid():
            form.save()
            return redirect("admin:index")
        context = {**self.each_context(request), "title": _("Language of the admin"), "form": form}
        request.current_app = self.name
        return TemplateResponse(request, "accounts/language.html", context)
