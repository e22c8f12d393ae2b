import re

from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

# Crossref's recommended pattern for modern DOIs.
DOI_PATTERN = re.compile(r"^10\.\d{4,9}/\S+$")

validate_doi = RegexValidator(
    DOI_PATTERN,
    message=_(
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


def normalise_doi(value):
    """Strip the prefixes people paste with a DOI; DOIs compare case-insensitively."""
    value = (value or "").strip()
    for prefix in ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "doi:"):
        if value.lower().startswith(prefix):
            value = value[len(prefix) :].strip()
    return value
