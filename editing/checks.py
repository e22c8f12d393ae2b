"""System checks: the admin's Content-Security-Policy is wired up, or the site says why."""

from django.conf import settings
from django.core.checks import Error, register

DJANGO_CSP = "django.middleware.csp.ContentSecurityPolicyMiddleware"
ADMIN_CSP = "editing.csp.AdminContentSecurityPolicyMiddleware"


@register("security")
def check_admin_content_security_policy(app_configs, **kwargs):
    middleware = list(settings.MIDDLEWARE)
    errors = []
    if ADMIN_CSP in middleware and (
        DJANGO_CSP not in middleware or middleware.index(ADMIN_CSP) < middleware.index(DJANGO_CSP)
    ):
        errors.append(
            Error(
                f"{ADMIN_CSP} has no effect unless it comes after {DJANGO_CSP}.",
                hint=f"List {DJANGO_CSP} in MIDDLEWARE, before {ADMIN_CSP}.",
                id="editing.E001",
            )
        )
    if ADMIN_CSP in middleware and not getattr(settings, "CLINIC_ADMIN_CSP", None):
        errors.append(
            Error(
                "CLINIC_ADMIN_CSP is not set, so the admin would have no Content-Security-Policy.",
                hint="Define CLINIC_ADMIN_CSP in settings, as SECURE_CSP is defined.",
                id="editing.E002",
            )
        )
    return errors
