"""Signing in to the admin: lockout after repeated failures and two-step sign-in.

- Lockout is django-axes: failed sign-ins are counted per account and per address, and
  either reaching ``AXES_FAILURE_LIMIT`` refuses that account or address until the lockout
  ends or a superuser unlocks it (README, "Roles").
- Two-step sign-in is django-otp: an authenticator app (TOTP) with recovery codes (a static
  device). Who must use it is ``CLINIC_REQUIRE_2FA``; anyone who has set it up is always
  asked for a code. Each person sets it up at ``/admin/two-step-sign-in/``.

``ClinicAdminSite`` is the class of ``admin.site`` (see ``admin_config.py``), so every app
registers its admin as before.
"""

from base64 import b32encode

import qrcode
import qrcode.image.svg
from axes.backends import AxesStandaloneBackend
from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django_otp import devices_for_user
from django_otp import login as remember_second_step
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODE_COUNT = 10
CODE_REQUIRED = _("Enter the code from your authenticator app, or one of your recovery codes.")
CODE_WRONG = _("That code is not right. Enter the code your authenticator app shows now.")
CODE_PAUSED = _("Too many wrong codes. Wait a minute, then enter the code your app shows now.")


# --- Lockout -----------------------------------------------------------------------------


class LockoutBackend(AxesStandaloneBackend):
    """django-axes' check, skipped when there is no web request to count.

    Axes refuses ``authenticate()`` without a request; only code running on the server
    (the shell, the test client's ``login()``) calls it that way, and no one can guess
    passwords through it from outside.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def client_address(request):
    """The address a sign-in came from, for counting failures per address.

    Behind ``CLINIC_TRUSTED_PROXY_COUNT`` proxies, each appending to X-Forwarded-For, the
    client is that many entries from the right; anything further left was sent by the
    client itself and could be forged.
    """
    proxies = settings.CLINIC_TRUSTED_PROXY_COUNT
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")


def locked_out(request, original_response=None, credentials=None):
    """The page shown instead of the sign-in form while an account or address is locked."""
    cool_off = settings.AXES_COOLOFF_TIME
    context = {
        **admin.site.each_context(request),
        "title": _("Sign-in paused"),
        "minutes": round(cool_off.total_seconds() / 60) if cool_off else None,
    }
    return render(request, "admin/sign_in_locked.html", context, status=429)


# --- Who needs a second step -------------------------------------------------------------


def two_step_required(user):
    rule = settings.CLINIC_REQUIRE_2FA
    if rule == "staff":
        return user.is_staff or user.is_superuser
    if rule == "superusers":
        return user.is_superuser
    return False


def has_two_step(user):
    return any(devices_for_user(user, confirmed=True))


def passed_second_step(user):
    # django-otp's middleware sets ``otp_device`` on the session's user; so does our form
    # on a user signing in during this very request, before the middleware ever saw them.
    return getattr(user, "otp_device", None) is not None


def second_step_done(request):
    """Whether this session may use the admin as far as the second step goes.

    No query: whoever has set up a second step is asked for it at sign-in, and a session
    that began before they set it up lasts as the clinic's rule allows (a password alone).
    """
    return passed_second_step(request.user) or not two_step_required(request.user)


def must_set_up_two_step(request):
    """Signed in with a password, required to use a second step, and not set up yet."""
    user = request.user
    return (
        user.is_authenticated
        and user.is_active
        and user.is_staff
        and two_step_required(user)
        and not passed_second_step(user)
        and not has_two_step(user)
    )


def device_accepting(user, code):
    """The user's device that accepts ``code``, or a ValidationError saying why none did.

    The code's shape picks the device (digits for the app, letters for a recovery code),
    so a typo never counts against the other device's throttle.
    """
    code = "".join(code.split()).lower()
    error = None
    with transaction.atomic():  # the throttle's failure count must be saved, not rolled back
        for device in devices_for_user(user, confirmed=True, for_verify=True):
            is_app = isinstance(device, TOTPDevice)
            if is_app != (code.isdigit() and len(code) == getattr(device, "digits", 0)):
                continue
            allowed, _details = device.verify_is_allowed()
            if not allowed:
                error = CODE_PAUSED
            elif device.verify_token(code):
                return device
    raise ValidationError(error or CODE_WRONG, code="code")


# --- Signing in --------------------------------------------------------------------------


class SignInForm(AdminAuthenticationForm):
    """Password, then the second step's code for anyone who has set it up."""

    code = forms.CharField(
        label=_("Code"),
        required=False,
        max_length=20,
        help_text=_(
            "If you use two-step sign-in: the code your authenticator app shows, or one of "
            "your recovery codes. Otherwise leave it empty."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "spellcheck": "false"}),
    )

    def clean(self):
        cleaned_data = super().clean()
        user = self.get_user()
        if user is not None and has_two_step(user):
            if not cleaned_data.get("code"):
                raise ValidationError(CODE_REQUIRED, code="code_required")
            # django-otp marks the session verified when Django's login() sees this.
            user.otp_device = device_accepting(user, cleaned_data["code"])
        return cleaned_data


class ClinicAdminSite(admin.AdminSite):
    login_form = SignInForm
    login_template = "admin/clinic_login.html"

    def has_permission(self, request):
        return super().has_permission(request) and second_step_done(request)

    def login(self, request, extra_context=None):
        if request.method == "GET" and must_set_up_two_step(request):
            return redirect("admin:two_step_sign_in")
        response = super().login(request, extra_context)
        signed_in = request.method == "POST" and response.status_code == 302
        if signed_in and must_set_up_two_step(request):
            return redirect("admin:two_step_sign_in")
        return response

    def get_urls(self):
        return [
            path("two-step-sign-in/", self.two_step_view, name="two_step_sign_in"),
            *super().get_urls(),
        ]

    @method_decorator(never_cache)
    @method_decorator(csrf_protect)
    def two_step_view(self, request):
        """Set up two-step sign-in, or see it and make new recovery codes.

        Open to any signed-in staff member, including one who must set it up before the
        rest of the admin lets them in.
        """
        user = request.user
        if not (user.is_active and user.is_staff):
            return redirect(f"{reverse('admin:login')}?{REDIRECT_FIELD_NAME}={request.path}")
        app = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        context = {
            **self.each_context(request),
            "title": _("Two-step sign-in"),
            "required": two_step_required(user),
        }
        if not context["has_permission"]:
            # Someone who must set it up first reaches nothing else: list nothing else.
            context["available_apps"] = []
            context["is_nav_sidebar_enabled"] = False
        if app is None:
            return self._set_up_app(request, context)
        if request.method == "POST" and request.POST.get("action") == "new_codes":
            if not passed_second_step(user):
                return redirect("admin:login")
            context["recovery_codes"] = new_recovery_codes(user)
        context["app"] = app
        context["codes_left"] = StaticToken.objects.filter(device__user=user).count()
        return TemplateResponse(request, "admin/two_step_sign_in.html", context)

    def _set_up_app(self, request, context):
        user = request.user
        pending, _created = TOTPDevice.objects.get_or_create(
            user=user, confirmed=False, defaults={"name": _("Authenticator app")}
        )
        form = ConfirmAppForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            allowed, _details = pending.verify_is_allowed()
            with transaction.atomic():
                if allowed and pending.verify_token(form.cleaned_data["code"]):
                    pending.confirmed = True
                    pending.save(update_fields=["confirmed"])
                    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
                    context["recovery_codes"] = new_recovery_codes(user)
                    remember_second_step(request, pending)
                    context.update(self.each_context(request))  # the whole admin is open now
                    context["app"] = pending
                    context["codes_left"] = RECOVERY_CODE_COUNT
                    return TemplateResponse(request, "admin/two_step_sign_in.html", context)
            form.add_error("code", CODE_WRONG if allowed else CODE_PAUSED)
        context.update(
            form=form,
            qr_code=qr_code_svg(pending.config_url),
            secret=readable_key(pending),
        )
        return TemplateResponse(request, "admin/two_step_sign_in.html", context)


class ConfirmAppForm(forms.Form):
    code = forms.CharField(
        label=_("Code from the app"),
        max_length=10,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def clean_code(self):
        return "".join(self.cleaned_data["code"].split())


def new_recovery_codes(user):
    """Replace the user's recovery codes with new ones and return them (shown only once)."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=str(_("Recovery codes")))
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def qr_code_svg(url):
    """The set-up address as an inline SVG QR code, made here: no script, no outside service."""
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathFillImage, box_size=14)
    return mark_safe(image.to_string(encoding="unicode"))  # our SVG: the URL is drawn, not text


def readable_key(device):
    """The app's secret in groups of four, for typing into an app that cannot scan."""
    key = b32encode(device.bin_key).decode()
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))
