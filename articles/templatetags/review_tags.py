from django import template

from ..selectors import pages_due_for_review, spanish_needing_attention

register = template.Library()

SHOWN_ON_ADMIN_HOME = 10  # each list; the counts and links lead to the rest


@register.simple_tag(takes_context=True)
def review_due_for(context):
    """Pages due for medical review, for people who may edit them; else nothing."""
    user = context["request"].user
    if not user.has_perm("articles.change_article"):
        return None
    return pages_due_for_review(limit=SHOWN_ON_ADMIN_HOME)


@register.simple_tag(takes_context=True)
def spanish_attention_for(context):
    """Pages whose Spanish needs a practitioner, for people who may edit them."""
    if not context["request"].user.has_perm("articles.change_article"):
        return None
    return spanish_needing_attention(limit=SHOWN_ON_ADMIN_HOME)
