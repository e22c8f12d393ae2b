import re

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

# Crossref's patterns: the one matching nearly all modern DOIs, and the old Wiley form.
MODERN_DOI = re.compile(r"^10\.\d{4,9}/[-._;()/:A-Z0-9]+$", re.IGNORECASE)
OLD_WILEY_DOI = re.compile(r"^10\.1002/[^\s]+$", re.IGNORECASE)


def is_doi(value):
    return bool(MODERN_DOI.match(value) or OLD_WILEY_DOI.match(value))


def validate_doi(value):
    if not is_doi(value):
        raise ValidationError(
            _(
                "This does not look like a DOI. A DOI starts with “10.”, then four to nine "
                "digits, a slash and the item's own code, e.g. 10.1371/journal.pone.0227497. "
                "Leave out “https://doi.org/” and “doi:”."
            ),
            code="invalid_doi",
        )


validate_pmid = RegexValidator(
    r"^\d{1,9}$",
    message=_("A PubMed ID (PMID) is digits only, e.g. 31923233."),
    code="invalid_pmid",
)

validate_pmcid = RegexValidator(
    r"^PMC\d{1,9}$",
    message=_("A PubMed Central ID (PMCID) is “PMC” and digits, e.g. PMC8094171."),
    code="invalid_pmcid",
)


def normalise_pmcid(value):
    value = (value or "").strip().upper()
    return f"PMC{value}" if value.isdigit() else value
