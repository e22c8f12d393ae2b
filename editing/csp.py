"""The admin's Content-Security-Policy, looser than the public pages' only where it must be.

Public pages run no JavaScript and get ``SECURE_CSP``. The admin needs its own scripts
and django-prose-editor's; ``AdminContentSecurityPolicyMiddleware`` gives every response
of a URL in the admin's namespace ``CLINIC_ADMIN_CSP`` instead. It must come after
Django's ``ContentSecurityPolicyMiddleware`` in ``MIDDLEWARE`` so that it sees the
response first and the policy header is built from its choice.
"""

from django.conf import settings


class AdminContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        in_admin = match is not None and "admin" in match.app_names
        # `_csp_config` is the attribute csp_override() sets (tests/editing/
        # test_content_security_policy.py fails if Django renames it); a view's own wins.
        if in_admin and not hasattr(response, "_csp_config"):
            response._csp_config = settings.CLINIC_ADMIN_CSP
        return response
