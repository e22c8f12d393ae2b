"""The yardstick for `bench/serving.py`: one Django view returning a short HttpResponse, no
middleware, no apps, no database. Served with the same gunicorn settings as the site, so
a page's cost can be given as a multiple of Django's own least."""

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

settings.configure(
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
    SECRET_KEY="bench-only: this yardstick signs nothing",
)


def hello(request):
    return HttpResponse("Hello from a bare Django view.")


urlpatterns = [path("", hello)]
application = get_wsgi_application()
