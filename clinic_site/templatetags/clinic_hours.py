from django import template

from ..models import opening_period as format_opening_period

register = template.Library()


@register.simple_tag
def opening_period(opens, closes):
    """``{% opening_period opens closes %}``: “8:00 AM–6:00 PM”, or the active language's way."""
    return format_opening_period(opens, closes)
