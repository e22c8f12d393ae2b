from django import template
from django.template.loader import render_to_string

register = template.Library()


@register.simple_tag
def page_part(page, template_name, **inputs):
    """`template_name` rendered from `page` and `inputs` alone, once per page object.

    A page a visitor reads is kept by its worker for as long as nothing it shows changes
    (``pages.page_to_read``); a part rendered from it is kept with it, under the part's
    name and its inputs, so it renders again when the page or an input (the clinic's phone)
    changes, and never otherwise. The part sees nothing else: no request, no context
    processor, so it cannot come to depend on anything its key leaves out. Pass plain
    values as inputs (a phone number, not the clinic's record).
    """
    key = (template_name, *sorted(inputs.items()))
    return page.part(key, lambda: render_to_string(template_name, {"page": page, **inputs}))
