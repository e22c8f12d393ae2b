"""Which language a request is read in: the address's, and nothing else.

``/es/…`` is Spanish; every other address is English, the admin included. Django's
``LocaleMiddleware`` would also consult the browser's ``Accept-Language`` and a cookie for
addresses without a prefix, and mark responses ``Vary: Accept-Language``; here a page is
the same for everyone who asks for its address, so it can be cached whole, and the
language link on every page is how a patient changes language.
"""

from django.conf import settings
from django.utils import translation
from django.utils.translation import get_language_from_path


class LanguageFromAddress:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        try:
            response = self.get_response(request)
        finally:
            translation.deactivate()
        response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
        return response
