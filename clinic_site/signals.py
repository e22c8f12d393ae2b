from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from articles.changes import note_site_wide_change

from .models import ClinicProfile, Notice, OpeningHours
from .selectors import forget_clinic_details


@receiver([post_save, post_delete], sender=ClinicProfile)
@receiver([post_save, post_delete], sender=OpeningHours)
@receiver([post_save, post_delete], sender=Notice)
def clinic_details_changed(**kwargs):
    # Forget again after the commit, so no request can re-cache the old row meanwhile.
    forget_clinic_details()
    transaction.on_commit(forget_clinic_details)
    note_site_wide_change()
