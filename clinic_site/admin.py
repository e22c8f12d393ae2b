from django.contrib import admin
from django.contrib.admin.widgets import AdminTimeWidget
from django.db import models
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from editing.admin import HistoryAdmin

from . import selectors
from .forms import ClockTimeField
from .models import ClinicProfile, Notice, OpeningHours, SpecialHours

admin.site.site_header = _("Clinic website")
admin.site.site_title = _("Clinic website")
admin.site.index_title = _("Edit the website")


@admin.register(ClinicProfile)
class ClinicProfileAdmin(HistoryAdmin):
    """One row: the list page goes straight to the form."""

    fieldsets = [
        (None, {"fields": ["name", ("tagline", "tagline_es")]}),
        (_("Contact"), {"fields": ["phone", "email"]}),
        (
            _("Address"),
            {"fields": ["street_address", "locality", "region", "postal_code", "map_url"]},
        ),
        (_("Shown under every guide and article"), {"fields": ["disclaimer", "disclaimer_es"]}),
    ]

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not ClinicProfile.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        profile = ClinicProfile.objects.first()
        if profile is None:
            return redirect("admin:clinic_site_clinicprofile_add")
        return redirect("admin:clinic_site_clinicprofile_change", profile.pk)

    def view_on_site(self, obj):
        return reverse("contact")


class TimesAsPeopleWriteThem:
    """Time fields that take "9:00 AM", "9am" or "09:00" and say so."""

    formfield_overrides = {
        models.TimeField: {
            "form_class": ClockTimeField,
            "widget": AdminTimeWidget(
                format="%I:%M %p", attrs={"placeholder": "9:00 AM", "size": 9}
            ),
        }
    }


@admin.register(OpeningHours)
class OpeningHoursAdmin(TimesAsPeopleWriteThem, HistoryAdmin):
    list_display = ["weekday", "opens", "closes", "today_marker"]
    list_editable = ["opens", "closes"]
    list_filter = ["weekday"]

    @admin.display(description=_("today"))
    def today_marker(self, hours):
        day = selectors.today()
        if hours.weekday != day.weekday():
            return ""
        special = selectors.clinic_details().hours_on(day).special  # cached: no query per row
        if special is not None:
            return _("Not today: special hours today (%(hours)s)") % {"hours": special.summary}
        return _("Today")


class WhenFilter(admin.SimpleListFilter):
    """Showing now / upcoming / past, against the clinic's date today."""

    title = _("when")
    parameter_name = "when"

    def lookups(self, request, model_admin):
        return [("now", self.now_label), ("upcoming", _("Upcoming")), ("past", _("Past"))]

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        return self.filter(queryset, self.value(), selectors.today())


class SpecialHoursWhenFilter(WhenFilter):
    now_label = _("Today")

    def filter(self, queryset, value, day):
        return {
            "now": queryset.filter(date=day),
            "upcoming": queryset.filter(date__gt=day),
            "past": queryset.filter(date__lt=day),
        }[value]


@admin.register(SpecialHours)
class SpecialHoursAdmin(TimesAsPeopleWriteThem, HistoryAdmin):
    fields = ["date", "closed", "opens", "closes", ("note", "note_es")]
    list_display = ["date_label", "hours_label", "note", "status"]
    list_filter = [SpecialHoursWhenFilter]
    date_hierarchy = "date"

    @admin.display(description=_("date"), ordering="date")
    def date_label(self, entry):
        return date_format(entry.date, "l j F Y")

    @admin.display(description=_("hours"))
    def hours_label(self, entry):
        return entry.summary

    @admin.display(description=_("status"))
    def status(self, entry):
        day = selectors.today()
        if entry.date == day:
            return _("Today: showing now")
        if entry.date > day:
            return _("Upcoming")
        return _("Past")


class NoticeWhenFilter(WhenFilter):
    now_label = _("Showing now")

    def filter(self, queryset, value, day):
        return {
            "now": queryset.showing_on(day),
            "upcoming": queryset.exclude(pk__in=queryset.showing_on(day)).filter(ends_on__gte=day),
            "past": queryset.filter(ends_on__lt=day),
        }[value]


@admin.register(Notice)
class NoticeAdmin(HistoryAdmin):
    fields = [("message", "message_es"), "link", "starts_on", "ends_on", "show_from"]
    list_display = ["message", "dates", "show_from", "status"]
    list_filter = [NoticeWhenFilter]
    search_fields = ["message", "message_es"]
    date_hierarchy = "starts_on"

    @admin.display(description=_("about"), ordering="starts_on")
    def dates(self, notice):
        return notice.dates_label

    @admin.display(description=_("status"))
    def status(self, notice):
        day = selectors.today()
        if notice.is_current(day):
            return _("Showing now")
        if notice.is_upcoming(day):
            return _("Upcoming: shown from %(date)s") % {
                "date": date_format(notice.first_shown_on, "l j F")
            }
        return _("Ended")
