"""Other names for a condition: one row each, and the old comma-separated field's data kept."""

import pytest
from django.core.exceptions import ValidationError

from conditions.models import AlternativeName
from tests.factories import make_condition

pytestmark = pytest.mark.django_db


def test_a_condition_cannot_list_the_same_name_twice():
    condition = make_condition()
    AlternativeName.objects.create(condition=condition, name="Sample name")
    with pytest.raises(ValidationError, match="already listed"):
        AlternativeName(condition=condition, name="Sample name").full_clean()


def test_names_are_listed_in_the_order_given():
    condition = make_condition()
    AlternativeName.objects.create(condition=condition, name="Second", order=2)
    AlternativeName.objects.create(condition=condition, name="First", order=1)
    assert [row.name for row in condition.alternative_names.all()] == ["First", "Second"]
