from django.contrib import admin
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from editing.admin import HistoryAdmin

from .models import ClinicProfile, Notice, OpeningHours

admin.site.site_header = _("Clinic website")
admin.site.site_title = _("Clinic website")
admin.site.index_title = _("Edit the website")


@admin.register(ClinicProfile)
class ClinicProfileAdmin(HistoryAdmin):
    """One row: the list page goes straight to the form."""

    fieldsets = [
        (None, {"fields": ["name", "tagline"]}),
        (_("Contact"), {"fields": ["phone", "email"]}),
        (
            _("Address"),
            {"fields": ["street_address", "locality", "region", "postal_code", "map_url"]},
        ),
        (_("Shown under every guide and article"), {"fields": ["disclaimer"]}),
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


@admin.register(OpeningHours)
class OpeningHoursAdmin(HistoryAdmin):
    list_display = ["weekday", "opens", "closes"]
    list_editable = ["opens", "closes"]
    list_filter = ["weekday"]


@admin.register(Notice)
class NoticeAdmin(HistoryAdmin):
    list_display = ["message", "starts_on", "ends_on"]
    list_filter = ["starts_on"]
    search_fields = ["message"]
    date_hierarchy = "starts_on"
