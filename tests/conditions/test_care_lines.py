"""A condition's care advice and red-flag signs: ordered lists a practitioner edits."""

import pytest
from django.core.exceptions import ValidationError

from conditions.models import CareAdvice, RedFlag
from tests.factories import make_condition

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", [CareAdvice, RedFlag])
def test_lines_come_back_in_the_order_the_practitioner_set(model):
    condition = make_condition()
    for order, text in [(2, "sample third"), (0, "sample first"), (1, "sample second")]:
        model.objects.create(condition=condition, text=text, order=order)

    assert [str(line) for line in model.objects.filter(condition=condition)] == [
        "sample first",
        "sample second",
        "sample third",
    ]


@pytest.mark.parametrize("model", [CareAdvice, RedFlag])
def test_an_empty_line_is_refused_with_a_message(model):
    line = model(condition=make_condition(), text="")

    with pytest.raises(ValidationError) as refused:
        line.full_clean()

    assert "text" in refused.value.message_dict


def test_a_conditions_lines_go_with_it():
    condition = make_condition()
    CareAdvice.objects.create(condition=condition, text="sample advice")
    RedFlag.objects.create(condition=condition, text="sample sign")

    condition.delete()

    assert not CareAdvice.objects.exists() and not RedFlag.objects.exists()
