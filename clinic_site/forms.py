from django import forms
from django.utils.translation import gettext_lazy as _

# How a receptionist may type a time: "9:00 AM", "9am", "9 am", "09:00", "17:30".
CLOCK_INPUT_FORMATS = [
    "%I:%M %p",
    "%I:%M%p",
    "%I %p",
    "%I%p",
    "%H:%M",
    "%H:%M:%S",
    "%H.%M",
]
TIME_HINT = _("e.g. 9:00 AM, 9am or 17:30")


class ClockTimeField(forms.TimeField):
    """A time typed the way people write it on a door sign, in 12- or 24-hour form."""

    default_error_messages = {
        "invalid": _("Enter a time such as 9:00 AM, 9am, 9:30 pm or 17:30 (24-hour)."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("input_formats", CLOCK_INPUT_FORMATS)
        kwargs.setdefault(
            "widget",
            forms.TimeInput(format="%I:%M %p", attrs={"placeholder": "9:00 AM", "size": 9}),
        )
        super().__init__(**kwargs)
        if not self.help_text:
            self.help_text = TIME_HINT

    def to_python(self, value):
        if isinstance(value, str):
            # "9 A.M." and "9.00 am" as well: people type the dots.
            value = value.strip().upper().replace("A.M.", "AM").replace("P.M.", "PM")
        return super().to_python(value)
